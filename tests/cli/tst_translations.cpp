// The translations keep up with the code: lupdate runs over app/ into a copy of every
// translations/*.ts, and the copy must have no unfinished, vanished or obsolete entry, the same
// placeholders as the English and every plural form. And the binary speaks the system's language.
#include "support/clitest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {
/// One <message> of a .ts file.
struct Entry
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; ///< the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one, or one per plural form

    QString where() const { return context + QStringLiteral(": \"") + source + QLatin1Char('"'); }
};

QList<Entry> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            Entry entry;
            entry.context = context;
            entry.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    entry.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    entry.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (entry.numerus) {
                        while (xml.readNextStartElement())
                            entry.translations.append(xml.readElementText());
                    } else {
                        entry.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            entries.append(entry);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return entries;
}

/// The placeholders of a text, sorted: %1..%99 and %n, with L (%L1, %Ln) counting as the same.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(QLatin1Char('%') + it.next().captured(1));
    std::sort(found.begin(), found.end());
    return found;
}

/// "Context: \"source\"" of every entry whose translation has one of types.
QStringList named(const QList<Entry> &entries, const QStringList &types)
{
    QStringList found;
    for (const Entry &entry : entries) {
        if (types.contains(entry.type))
            found.append(entry.where());
    }
    return found;
}

QString sourceDir()
{
    return QStringLiteral(RAFAGA_SOURCE_DIR);
}

/// Runs rafaga with the language environment set to lang and nothing else that names one.
CliTest::Outcome rafagaIn(const QString &lang, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("LANG"), lang);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(CliTest::rafagaBinary(), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError()};
}
} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void extractsWithoutWarnings();
    void noUnfinishedEntries_data() { tsFiles(); }
    void noUnfinishedEntries();
    void noVanishedEntries_data() { tsFiles(); }
    void noVanishedEntries();
    void samePlaceholders_data() { tsFiles(); }
    void samePlaceholders();
    void everyPluralForm_data() { tsFiles(); }
    void everyPluralForm();
    void cliSpeaksTheSystemLanguage();
    void machineOutputsIgnoreTheLanguage();

private:
    void tsFiles();
    QList<Entry> entries(const QString &name);

    QTemporaryDir m_dir;
    QStringList m_names; ///< rafaga_es.ts, ...
    QString m_lupdateOutput;
};

void TstTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir translations(sourceDir() + QStringLiteral("/translations"));
    m_names = translations.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    QVERIFY2(m_names.contains(QStringLiteral("rafaga_es.ts")), qPrintable(translations.path()));
    for (const QString &name : std::as_const(m_names)) {
        const QString copy = m_dir.filePath(name);
        QVERIFY(QFile::copy(translations.filePath(name), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        // As the rafaga_lupdate target runs it, but keeping what vanished so it can be named.
        // English is the source language: its file holds only the plural forms.
        QStringList arguments {QStringLiteral("-locations"), QStringLiteral("none"),
            sourceDir() + QStringLiteral("/app"), QStringLiteral("-ts"), copy};
        if (name == QLatin1String("rafaga_en.ts"))
            arguments.prepend(QStringLiteral("-pluralonly"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(RAFAGA_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(120000), RAFAGA_LUPDATE);
        m_lupdateOutput += QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
            qPrintable(m_lupdateOutput));
    }
}

void TstTranslations::extractsWithoutWarnings()
{
    // A string lupdate cannot see is a string nobody translates: tr() outside a class with
    // Q_OBJECT or Q_DECLARE_TR_FUNCTIONS is the usual cause.
    QStringList warnings;
    for (const QString &line : m_lupdateOutput.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("lacks Q_OBJECT"))
            || line.contains(QLatin1String("without context"))
            || line.contains(QLatin1String("Discarding unconsumed")))
            warnings.append(line);
    }
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
}

void TstTranslations::tsFiles()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : std::as_const(m_names))
        QTest::newRow(qPrintable(name)) << name;
}

QList<Entry> TstTranslations::entries(const QString &name)
{
    QString error;
    const QList<Entry> read = readTs(m_dir.filePath(name), &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return read;
}

void TstTranslations::noUnfinishedEntries()
{
    QFETCH(QString, name);
    const QStringList unfinished = named(entries(name), {QStringLiteral("unfinished")});
    QVERIFY2(unfinished.isEmpty(),
        qPrintable(QStringLiteral("%1 untranslated in %2 (run the update_translations target, "
                                  "then translate them):\n%3")
                       .arg(unfinished.size())
                       .arg(name, unfinished.join(QLatin1Char('\n')))));
}

void TstTranslations::noVanishedEntries()
{
    QFETCH(QString, name);
    const QStringList gone
        = named(entries(name), {QStringLiteral("vanished"), QStringLiteral("obsolete")});
    QVERIFY2(gone.isEmpty(),
        qPrintable(QStringLiteral("%1 in %2 no longer in the code (the update_translations target "
                                  "drops them):\n%3")
                       .arg(gone.size())
                       .arg(name, gone.join(QLatin1Char('\n')))));
}

void TstTranslations::samePlaceholders()
{
    QFETCH(QString, name);
    QStringList wrong;
    for (const Entry &entry : entries(name)) {
        if (!entry.type.isEmpty())
            continue; // reported above
        const QStringList expected = placeholders(entry.source);
        for (const QString &translation : entry.translations) {
            if (translation.isEmpty())
                continue; // everyPluralForm names it
            QStringList got = placeholders(translation);
            // A singular form may say "one" in words instead of %n.
            if (entry.numerus && expected.contains(QLatin1String("%n"))
                && !got.contains(QLatin1String("%n"))
                && translation != entry.translations.constLast()) {
                got.append(QStringLiteral("%n"));
                std::sort(got.begin(), got.end());
            }
            if (got != expected) {
                wrong.append(entry.where() + QStringLiteral(" has ") + expected.join(u' ')
                    + QStringLiteral(", \"") + translation + QStringLiteral("\" has ")
                    + got.join(u' '));
            }
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TstTranslations::everyPluralForm()
{
    QFETCH(QString, name);
    QStringList wrong;
    for (const Entry &entry : entries(name)) {
        if (!entry.numerus || !entry.type.isEmpty())
            continue;
        // Spanish and English: one form for 1, one for everything else.
        const bool complete = entry.translations.size() == 2
            && std::none_of(entry.translations.cbegin(), entry.translations.cend(),
                [](const QString &form) { return form.isEmpty(); });
        if (!complete)
            wrong.append(entry.where());
    }
    QVERIFY2(wrong.isEmpty(),
        qPrintable(QStringLiteral("plural entries without both forms:\n")
            + wrong.join(QLatin1Char('\n'))));
}

void TstTranslations::cliSpeaksTheSystemLanguage()
{
    // A usage error, in the words the Spanish file gives it; es_ES need not be a generated
    // locale on this machine, Qt reads LANG itself.
    const QString english = QStringLiteral(
        "--url or a collection FILE is required (e.g. rafaga run --url http://127.0.0.1:8080/get)");
    QString spanish;
    QString error;
    const QList<Entry> es
        = readTs(sourceDir() + QStringLiteral("/translations/rafaga_es.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const Entry &entry : es) {
        if (entry.context == QLatin1String("RunCommand") && entry.source == english
            && entry.type.isEmpty())
            spanish = entry.translations.value(0);
    }
    QVERIFY2(!spanish.isEmpty(), "RunCommand's usage error is not translated in rafaga_es.ts");

    const CliTest::Outcome inSpanish
        = rafagaIn(QStringLiteral("es_ES.UTF-8"), {QStringLiteral("run")});
    QCOMPARE(inSpanish.exitCode, 2);
    QCOMPARE(QString::fromUtf8(inSpanish.err).trimmed(), QStringLiteral("rafaga run: ") + spanish);

    const CliTest::Outcome inEnglish = rafagaIn(QStringLiteral("C"), {QStringLiteral("run")});
    QCOMPARE(inEnglish.exitCode, 2);
    QCOMPARE(QString::fromUtf8(inEnglish.err).trimmed(), QStringLiteral("rafaga run: ") + english);

    // Qt's own texts follow too (from qt6-translations-l10n): the --help option's description.
    const CliTest::Outcome help = rafagaIn(
        QStringLiteral("es_ES.UTF-8"), {QStringLiteral("run"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const bool qtSpanish = QFile::exists(
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_es.qm"));
    const QByteArray usage = qtSpanish ? "Uso: rafaga run" : "Usage: rafaga run";
    QVERIFY2(help.out.startsWith(usage), help.out.left(200).constData());
}

void TstTranslations::machineOutputsIgnoreTheLanguage()
{
    CliTest::ServeProcess server;
    QVERIFY(server.start());
    const auto run = [&](const QString &lang, const QString &output) {
        return rafagaIn(lang,
            {QStringLiteral("run"), QStringLiteral("--url"),
                server.baseUrl() + QStringLiteral("/get"), QStringLiteral("-n"),
                QStringLiteral("3"), QStringLiteral("-c"), QStringLiteral("1"),
                QStringLiteral("-q"), output, QStringLiteral("-")});
    };
    const CliTest::Outcome csvC = run(QStringLiteral("C"), QStringLiteral("--csv"));
    const CliTest::Outcome csvEs = run(QStringLiteral("es_ES.UTF-8"), QStringLiteral("--csv"));
    QCOMPARE(csvEs.exitCode, 0);
    QCOMPARE(csvEs.out.split('\n').first(), csvC.out.split('\n').first()); // the header
    QCOMPARE(csvEs.out.count('\n'), 4);
    // Numbers keep the decimal point: a decimal comma would come out as a quoted "12,5".
    QVERIFY2(
        !QString::fromUtf8(csvEs.out).contains(QRegularExpression(QStringLiteral("\"\\d+,\\d"))),
        csvEs.out.constData());

    const CliTest::Outcome jsonC = run(QStringLiteral("C"), QStringLiteral("--json"));
    const CliTest::Outcome jsonEs = run(QStringLiteral("es_ES.UTF-8"), QStringLiteral("--json"));
    QCOMPARE(jsonEs.exitCode, 0);
    const QJsonObject c = QJsonDocument::fromJson(jsonC.out).object();
    const QJsonObject es = QJsonDocument::fromJson(jsonEs.out).object();
    QVERIFY2(!es.isEmpty(), jsonEs.out.constData());
    QCOMPARE(es.keys(), c.keys());
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
