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
        {u"core/base/"_s, {}},
        {u"core/model/"_s, {u"core/base/"_s}},
        {u"core/checks/"_s, {u"core/base/"_s, u"core/model/"_s}},
        {u"core/stats/"_s, {u"core/base/"_s, u"core/model/"_s}},
        {u"core/http/"_s, {u"core/base/"_s}},
        {u"core/server/"_s, {u"core/base/"_s}},
        {u"core/engine/"_s,
            {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s, u"core/stats/"_s,
                u"core/http/"_s}},
        {u"core/collection/"_s,
            {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s,
                u"core/engine/requestsource.h"_s}},
        {u"core/formats/"_s,
            {u"core/base/"_s, u"core/model/"_s, u"core/checks/"_s, u"core/stats/"_s,
                u"core/engine/"_s, u"core/collection/"_s, u"!core/engine/lanepool.h"_s}},
        {u"gui/"_s, anyCore},
        {u"cli/"_s, anyCore},
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
    return u"%1 may include only %2"_s.arg(folder,
        rule.allowed.isEmpty() ? u"itself"_s : rule.allowed.join(u", "_s));
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
            problems << u"app/%1:%2: #include %3: %4"_s.arg(file).arg(i + 1).arg(m.captured(2), why);
    }
    return problems;
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIncludeFollowsTheRule();
    void plantedIncludesAreReported_data();
    void plantedIncludesAreReported();
    void allowedIncludesPass_data();
    void allowedIncludesPass();
};

void TestLayering::everyIncludeFollowsTheRule()
{
    const QString app = QStringLiteral(RAFAGA_SOURCE_DIR) + u"/app/"_s;
    QStringList problems;
    int files = 0;
    QDirIterator it(app, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        problems << check(path.mid(app.size()), QString::fromUtf8(file.readAll()));
        ++files;
    }
    QVERIFY2(files > 100, "the sources were not found");
    QVERIFY2(problems.isEmpty(), qPrintable(u'\n' + problems.join(u'\n')));
}

void TestLayering::plantedIncludesAreReported_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("line");
    QTest::addRow("http on the engine") << u"core/http/fasthttpreply.cpp"_s
                                        << u"#include \"core/engine/run.h\""_s;
    QTest::addRow("server on the model") << u"core/server/httpserver.cpp"_s
                                         << u"#include \"core/model/result.h\""_s;
    QTest::addRow("base on anything") << u"core/base/plural.h"_s
                                      << u"#include \"core/model/result.h\""_s;
    QTest::addRow("model on the engine") << u"core/model/result.h"_s
                                         << u"#include \"core/engine/resultstore.h\""_s;
    QTest::addRow("collection on the run") << u"core/collection/runplan.cpp"_s
                                           << u"#include \"core/engine/run.h\""_s;
    QTest::addRow("gui on the fast path") << u"gui/mainwindow.cpp"_s
                                          << u"#include \"core/http/fasthttpmanager.h\""_s;
    QTest::addRow("gui on the lane pool") << u"gui/run/resultsmodel.cpp"_s
                                          << u"#include \"core/engine/lanepool.h\""_s;
    QTest::addRow("formats on the lane pool") << u"core/formats/harexport.cpp"_s
                                              << u"#include \"core/engine/lanepool.h\""_s;
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
    QTest::addRow("engine on http") << u"core/engine/lanepool.cpp"_s
                                    << u"#include \"core/http/fasthttpmanager.h\""_s;
    QTest::addRow("collection on the request source")
        << u"core/collection/collectionsource.h"_s << u"#include \"core/engine/requestsource.h\""_s;
    QTest::addRow("gui on the server") << u"gui/mainwindow.cpp"_s
                                       << u"#include \"core/server/httpserver.h\""_s;
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
