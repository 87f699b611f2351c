// The include rule of the README's Layout section, checked on every #include under app/.
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// Which folders a folder's files may include (their own always). A prefix ending in ".h" is one
/// header, not a folder; one starting with '!' is forbidden even where a wider prefix allows it.
struct Rule
{
    QString folder;
    QStringList allowed;
};

const QList<Rule> &rules()
{
    static const QStringList anyCore = {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s,
        u"core/stats/"_s, u"core/engine/"_s, u"core/collection/"_s, u"core/formats/"_s,
        u"core/server/"_s, u"!core/http/"_s, u"!core/engine/lanepool.h"_s};
    static const QList<Rule> table = {
        {u"core/base/"_s, {}}, {u"core/model/"_s, {u"core/base/"_s}},
        {u"core/checks/"_s, {u"core/base/"_s, u"core/model/"_s}},
        {u"core/stats/"_s, {u"core/base/"_s, u"core/model/"_s}},
        {u"core/http/"_s, {u"core/base/"_s}}, {u"core/server/"_s, {u"core/base/"_s}},
        {u"core/engine/"_s,
            {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s, u"core/stats/"_s,
                u"core/http/"_s}},
        {u"core/collection/"_s,
            {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s,
                u"core/engine/requestsource.h"_s}},
        {u"core/formats/"_s,
            {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s, u"core/stats/"_s,
                u"core/engine/"_s, u"core/collection/"_s, u"!core/engine/lanepool.h"_s}},
        {u"gui/"_s, anyCore}, {u"cli/"_s, anyCore},
        {QString(), {u"core/base/"_s, u"gui/gui.h"_s, u"cli/cli.h"_s}}, // app/main.cpp
    };
    return table;
}

const Rule &ruleFor(const QString &file)
{
    for (const Rule &rule : rules()) {
        if (!rule.folder.isEmpty() && file.startsWith(rule.folder))
            return rule;
    }
    return rules().constLast();
}

bool matches(const QString &include, const QString &prefix)
{
    return prefix.endsWith(u".h"_s) ? include == prefix : include.startsWith(prefix);
}

/// Qt modules the core may not touch: it is Qt Core + Network only.
bool isWidgetHeader(const QString &header)
{
    static const QString qtHeaders = QLibraryInfo::path(QLibraryInfo::HeadersPath);
    for (const char *module : {"QtWidgets", "QtGui", "QtPrintSupport"}) {
        if (QFile::exists(qtHeaders + u'/' + QLatin1StringView(module) + u'/' + header))
            return true;
    }
    return header == u"qcustomplot.h"_s;
}

/// What is wrong with one #include of `file` (a path relative to app/), or an empty string.
QString violation(const QString &file, const QString &include, bool angled)
{
    if (angled) {
        if (file.startsWith(u"core/"_s) && isWidgetHeader(include))
            return u"the core is Qt Core + Network only"_s;
        return {};
    }
    if (!include.contains(u'/'))
        return u"includes name their folder (\"core/engine/run.h\")"_s;
    const Rule &rule = ruleFor(file);
    if (!rule.folder.isEmpty() && include.startsWith(rule.folder)) {
        const bool forbiddenHere = std::any_of(rule.allowed.cbegin(), rule.allowed.cend(),
            [&](const QString &p) { return p.startsWith(u'!') && matches(include, p.mid(1)); });
        if (!forbiddenHere)
            return {};
    }
    bool allowed = false;
    for (const QString &prefix : rule.allowed) {
        if (prefix.startsWith(u'!')) {
            if (matches(include, prefix.mid(1)))
                return u"%1 may not include %2"_s.arg(rule.folder, prefix.mid(1));
        } else if (matches(include, prefix)) {
            allowed = true;
        }
    }
    if (allowed)
        return {};
    const QString folder = rule.folder.isEmpty() ? u"app/main.cpp"_s : rule.folder;
    return u"%1 may include only %2"_s.arg(
        folder, rule.allowed.isEmpty() ? u"itself"_s : rule.allowed.join(u", "_s));
}

/// Every violation in one file's text, as "app/FILE:LINE: #include "X": WHY".
QStringList check(const QString &file, const QString &text)
{
    static const QRegularExpression includeLine(u"^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"_s);
    QStringList problems;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = includeLine.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        const QString why = violation(file, m.captured(2), m.captured(1) == u"<"_s);
        if (!why.isEmpty())
            problems << u"app/%1:%2: #include %3: %4"_s.arg(file).arg(i + 1).arg(
                m.captured(2), why);
    }
    return problems;
}

constexpr int maxFileLines = 600;
constexpr int maxFunctionLines = 80;

/// Files over maxFileLines and function bodies over maxFunctionLines, as "app/FILE:LINE: WHY".
/// The code is clang-formatted, so a function body opens with "{" alone at the start of a line
/// after its signature and closes with "}" alone; a class, struct, enum or namespace body opens
/// the same way after its own keyword and is not a function. Data tables ("= {") never match.
QStringList sizeProblems(const QString &file, const QString &text)
{
    static const QRegularExpression typeHead(
        u"^(template\\s*<.*>\\s*)?(class|struct|enum|union|namespace)\\b"_s);
    QStringList problems;
    const QStringList lines = text.split(u'\n');
    if (lines.size() > maxFileLines)
        problems
            << u"app/%1: %2 lines (at most %3)"_s.arg(file).arg(lines.size()).arg(maxFileLines);
    qsizetype open = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i) == u"{"_s && !typeHead.match(lines.at(i - 1)).hasMatch()) {
            open = i;
        } else if (lines.at(i) == u"}"_s && open >= 0) {
            const qsizetype length = i - open + 1;
            if (length > maxFunctionLines) {
                problems << u"app/%1:%2: a function of %3 lines (at most %4)"_s.arg(file)
                                .arg(open)
                                .arg(length)
                                .arg(maxFunctionLines);
            }
            open = -1;
        }
    }
    return problems;
}

/// Calls f(path relative to app/, text) for every source file under app/; returns their count.
template<typename F>
int forEachSource(F f)
{
    const QString app = QStringLiteral(RAFAGA_SOURCE_DIR) + u"/app/"_s;
    int files = 0;
    QDirIterator it(app, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        f(path.mid(app.size()), QString::fromUtf8(file.readAll()));
        ++files;
    }
    return files;
}

/// Lists every problem (QVERIFY2 would cut a long message short), then fails if there is one.
void reportAll(const QStringList &problems)
{
    for (const QString &problem : problems)
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 problems, listed above"_s.arg(problems.size())));
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIncludeFollowsTheRule();
    void filesAndFunctionsStaySmall();
    void sizeCheckFindsALongFunction();
    void plantedIncludesAreReported_data();
    void plantedIncludesAreReported();
    void allowedIncludesPass_data();
    void allowedIncludesPass();
};

void TestLayering::everyIncludeFollowsTheRule()
{
    QStringList problems;
    const int files = forEachSource(
        [&](const QString &file, const QString &text) { problems << check(file, text); });
    QVERIFY2(files > 100, "the sources were not found");
    reportAll(problems);
}

void TestLayering::filesAndFunctionsStaySmall()
{
    QStringList problems;
    const int files = forEachSource(
        [&](const QString &file, const QString &text) { problems << sizeProblems(file, text); });
    QVERIFY2(files > 100, "the sources were not found");
    reportAll(problems);
}

void TestLayering::sizeCheckFindsALongFunction()
{
    QString text = u"// a file\nclass A\n{\n};\nvoid f()\n{\n"_s;
    for (int i = 0; i < maxFunctionLines; ++i)
        text += u"    ++x;\n"_s;
    text += u"}\n"_s;
    const QStringList problems = sizeProblems(u"core/engine/x.cpp"_s, text);
    QCOMPARE(
        problems, QStringList {u"app/core/engine/x.cpp:5: a function of 82 lines (at most 80)"_s});
    QCOMPARE(sizeProblems(
                 u"core/engine/x.cpp"_s, u"class A\n{\n"_s + text.mid(text.indexOf(u"    ++x"_s))),
        QStringList());
}

void TestLayering::plantedIncludesAreReported_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("line");
    QTest::addRow("http on the engine")
        << u"core/http/fasthttpreply.cpp"_s << u"#include \"core/engine/run.h\""_s;
    QTest::addRow("server on the model")
        << u"core/server/httpserver.cpp"_s << u"#include \"core/model/result.h\""_s;
    QTest::addRow("base on anything")
        << u"core/base/plural.h"_s << u"#include \"core/model/result.h\""_s;
    QTest::addRow("model on the engine")
        << u"core/model/result.h"_s << u"#include \"core/engine/resultstore.h\""_s;
    QTest::addRow("collection on the run")
        << u"core/collection/runplan.cpp"_s << u"#include \"core/engine/run.h\""_s;
    QTest::addRow("gui on the fast path")
        << u"gui/mainwindow.cpp"_s << u"#include \"core/http/fasthttpmanager.h\""_s;
    QTest::addRow("gui on the lane pool")
        << u"gui/run/resultsmodel.cpp"_s << u"#include \"core/engine/lanepool.h\""_s;
    QTest::addRow("formats on the lane pool")
        << u"core/formats/harexport.cpp"_s << u"#include \"core/engine/lanepool.h\""_s;
    QTest::addRow("gui on cli") << u"gui/mainwindow.cpp"_s << u"#include \"cli/cliutil.h\""_s;
    QTest::addRow("cli on gui") << u"cli/runcommand.cpp"_s << u"#include \"gui/gui.h\""_s;
    QTest::addRow("core on widgets") << u"core/engine/run.cpp"_s << u"#include <QWidget>"_s;
    QTest::addRow("core on charts") << u"core/stats/runstats.h"_s << u"#include <qcustomplot.h>"_s;
    QTest::addRow("unqualified") << u"core/engine/run.cpp"_s << u"#include \"run.h\""_s;
}

void TestLayering::plantedIncludesAreReported()
{
    QFETCH(QString, file);
    QFETCH(QString, line);
    const QStringList problems = check(file, u"// a file\n"_s + line + u"\n"_s);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().startsWith(u"app/"_s + file + u":2: "_s),
        qPrintable(problems.constFirst()));
}

void TestLayering::allowedIncludesPass_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("line");
    QTest::addRow("engine on http")
        << u"core/engine/lanepool.cpp"_s << u"#include \"core/http/fasthttpmanager.h\""_s;
    QTest::addRow("collection on the request source")
        << u"core/collection/collectionsource.h"_s << u"#include \"core/engine/requestsource.h\""_s;
    QTest::addRow("gui on the server")
        << u"gui/mainwindow.cpp"_s << u"#include \"core/server/httpserver.h\""_s;
    QTest::addRow("gui on widgets") << u"gui/mainwindow.cpp"_s << u"#include <QWidget>"_s;
    QTest::addRow("main on cli") << u"main.cpp"_s << u"#include \"cli/cli.h\""_s;
}

void TestLayering::allowedIncludesPass()
{
    QFETCH(QString, file);
    QFETCH(QString, line);
    QCOMPARE(check(file, line), QStringList());
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
