// Tests of data sets: CSV edge cases (RFC 4180 quoting, BOM, line ends, errors naming the row),
// JSON arrays of objects (key order, value text, errors with line:column), choosing the format
// of a file, and speed on big files.
#include "core/formats/csvwriter.h"
#include "core/collection/dataset.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using Rows = QList<QStringList>;

namespace {

const QString FileName = QStringLiteral("data.csv");

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

} // namespace

class TestDataSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csv_data();
    void csv();
    void csvErrors_data();
    void csvErrors();
    void csvWriterOutputReadsBack();
    void json_data();
    void json();
    void jsonErrors_data();
    void jsonErrors();
    void formatByExtensionOrContent_data();
    void formatByExtensionOrContent();
    void unreadableFiles();
    void bigCsvLoadsWhole();
    void bigJsonLoadsWhole();
};

void TestDataSet::csv_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<Rows>("rows");

    const QStringList ab = list({"a", "b"});
    QTest::newRow("LF") << QByteArray("a,b\n1,2\n3,4\n") << ab
                        << Rows {list({"1", "2"}), list({"3", "4"})};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab
                          << Rows {list({"1", "2"}), list({"3", "4"})};
    QTest::newRow("CR") << QByteArray("a,b\r1,2\r") << ab << Rows {list({"1", "2"})};
    QTest::newRow("no trailing newline") << QByteArray("a,b\n1,2") << ab << Rows {list({"1", "2"})};
    QTest::newRow("empty trailing line")
        << QByteArray("a,b\r\n1,2\r\n\r\n") << ab << Rows {list({"1", "2"})};
    QTest::newRow("blank lines skipped")
        << QByteArray("\na,b\n\n1,2\n\n\n3,4\n") << ab << Rows {list({"1", "2"}), list({"3", "4"})};
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFid,name\n1,x\n") << list({"id", "name"})
                         << Rows {list({"1", "x"})};
    QTest::newRow("comma in quotes")
        << QByteArray("a,b\n\"x,y\",z\n") << ab << Rows {list({"x,y", "z"})};
    QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << ab
                                    << Rows {list({"say \"hi\"", "\""})};
    QTest::newRow("LF in quotes") << QByteArray("a,b\n\"line 1\nline 2\",x\n") << ab
                                  << Rows {list({"line 1\nline 2", "x"})};
    QTest::newRow("CRLF in quotes")
        << QByteArray("a,b\r\n\"l1\r\nl2\",x\r\n") << ab << Rows {list({"l1\r\nl2", "x"})};
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n1,,3\n") << list({"a", "b", "c"})
                                  << Rows {list({"", "", ""}), list({"1", "", "3"})};
    QTest::newRow("quoted empty fields")
        << QByteArray("a,b\n\"\",\"\"\n") << ab << Rows {list({"", ""})};
    QTest::newRow("one column, quoted empty value")
        << QByteArray("a\n\"\"\nx\n") << list({"a"}) << Rows {list({""}), list({"x"})};
    QTest::newRow("spaces in values kept")
        << QByteArray("a,b\n x , y\t\n") << ab << Rows {list({" x ", " y\t"})};
    QTest::newRow("header names trimmed")
        << QByteArray(" id ,\tname\n1,2\n") << list({"id", "name"}) << Rows {list({"1", "2"})};
    QTest::newRow("quoted header")
        << QByteArray("\"a,b\",c\n1,2\n") << list({"a,b", "c"}) << Rows {list({"1", "2"})};
    QTest::newRow("unicode") << QByteArray("ciudad,名前\nMálaga,日本 😀\n")
                             << list({"ciudad", "名前"}) << Rows {list({"Málaga", "日本 😀"})};
    QTest::newRow("BOM inside a value is data") << QByteArray("a\n\xEF\xBB\xBFx\n") << list({"a"})
                                                << Rows {QStringList {QChar(0xFEFF) + s("x")}};
    QTest::newRow("header only") << QByteArray("a,b\n") << ab << Rows {};
}

void TestDataSet::csv()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, columns);
    QFETCH(Rows, rows);

    const Parsed<DataSet> parsed = parseCsvDataSet(input, FileName);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().columns, columns);
    QCOMPARE(parsed.value().rows, rows);
}

void TestDataSet::csvErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QStringList>("saying");

    QTest::newRow("row too long") << QByteArray("a,b,c\n1,2,3\n1,2,3,4\n") << s("row 3")
                                  << list({"4 field", "header has 3"});
    QTest::newRow("row too short")
        << QByteArray("a,b\n1\n") << s("row 2") << list({"1 field", "header has 2"});
    QTest::newRow("blank lines count as rows")
        << QByteArray("a,b\n\n1,2\n\n1\n") << s("row 5") << list({"1 field"});
    QTest::newRow("CRLF counts once")
        << QByteArray("a,b\r\n1,2\r\n1,2\r\n1\r\n") << s("row 4") << list({"1 field"});
    QTest::newRow("a multi-line field is one row")
        << QByteArray("a,b\n\"x\ny\nz\",1\n1\n") << s("row 3") << list({"1 field"});
    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n1,2\n\"open,3\n4,5\n") << s("row 3") << list({"never closed"});
    QTest::newRow("unterminated quote, last field")
        << QByteArray("a,b\n1,\"open") << s("row 2") << list({"never closed"});
    QTest::newRow("quote in unquoted field")
        << QByteArray("a,b\n1,2\n1,x\"y\n") << s("row 3") << list({"quote inside an unquoted"});
    QTest::newRow("text after closing quote")
        << QByteArray("a,b\n\"x\"y,1\n") << s("row 2") << list({"after the closing quote"});
    QTest::newRow("space before opening quote")
        << QByteArray("a,b\n1, \"x\"\n") << s("row 2") << list({"before the opening quote"});
    QTest::newRow("space after closing quote")
        << QByteArray("a,b\n\"x\" ,1\n") << s("row 2") << list({"after the closing quote"});
    QTest::newRow("invalid UTF-8")
        << QByteArray("a,b\n1,2\n3,\xff\n") << s("row 3") << list({"field 2", "UTF-8"});
    QTest::newRow("overlong UTF-8") << QByteArray("a\n\xc0\xaf\n") << s("row 2") << list({"UTF-8"});
    QTest::newRow("invalid UTF-8 in header")
        << QByteArray("\xc3(,b\n") << s("row 1") << list({"field 1", "UTF-8"});
    QTest::newRow("duplicate header")
        << QByteArray("id,name,id\n1,2,3\n") << s("row 1") << list({"\"id\"", "columns 1 and 3"});
    QTest::newRow("duplicate header after trimming")
        << QByteArray("id, id\n") << s("row 1") << list({"\"id\"", "columns 1 and 2"});
    QTest::newRow("empty header name") << QByteArray("a,,c\n") << s("row 1") << list({"column 2"});
    QTest::newRow("blank header name")
        << QByteArray("a,\" \"\n") << s("row 1") << list({"column 2"});
    QTest::newRow("empty file") << QByteArray() << QString() << list({"empty"});
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QString() << list({"empty"});
    QTest::newRow("blank lines only") << QByteArray("\n\r\n\r\n") << QString() << list({"empty"});
}

void TestDataSet::csvErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, place);
    QFETCH(QStringList, saying);

    const Parsed<DataSet> parsed = parseCsvDataSet(input, FileName);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, FileName);
    QCOMPARE(parsed.error().place, place);
    for (const QString &fragment : std::as_const(saying))
        QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
}

// Whatever our own exporter writes, quoting included, reads back as it was.
void TestDataSet::csvWriterOutputReadsBack()
{
    const QStringList alphabet
        = list({"a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "é", "😀", "\t", ";", "'"});
    std::mt19937 rng(42);
    std::uniform_int_distribution<qsizetype> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 12);
    auto randomField = [&] {
        QString field;
        for (int n = length(rng); n > 0; --n)
            field += alphabet.at(pick(rng));
        return field;
    };

    DataSet expected;
    expected.columns = list({"id", "with, comma", "with \"quote\"", "multi\nline"});
    for (int i = 0; i < 500; ++i) {
        QStringList row {QString::number(i)};
        for (int c = 1; c < expected.columns.size(); ++c)
            row.append(randomField());
        expected.rows.append(row);
    }

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRow(expected.columns));
    for (const QStringList &row : std::as_const(expected.rows))
        QVERIFY(writer.writeRow(row));

    const Parsed<DataSet> parsed = parseCsvDataSet(buffer.data(), FileName);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value(), expected);
}

void TestDataSet::json_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<Rows>("rows");

    QTest::newRow("keys in first-seen order, missing ones empty")
        << QByteArray(R"([{"b":1,"a":2},{"c":3,"a":4},{}])") << list({"b", "a", "c"})
        << Rows {list({"1", "2", ""}), list({"", "4", "3"}), list({"", "", ""})};
    QTest::newRow("scalars as text")
        << QByteArray(
               R"([{"s":"x","i":42,"f":1.50,"e":-1E3,"z":-0.0,"t":true,"no":false,"n":null}])")
        << list({"s", "i", "f", "e", "z", "t", "no", "n"})
        << Rows {list({"x", "42", "1.50", "-1E3", "-0.0", "true", "false", ""})};
    QTest::newRow("nested values as compact JSON")
        << QByteArray("[{\"o\": {\"k\" : [1, 2.0],\n \"s\": \"a b\"}, \"a\": [ ], \"e\": {}}]")
        << list({"o", "a", "e"}) << Rows {list({R"({"k":[1,2.0],"s":"a b"})", "[]", "{}"})};
    QTest::newRow("nested strings keep escapes and spaces")
        << QByteArray(R"([{"o": {"s": "a\" } ]", "t": "\\"}}])") << list({"o"})
        << Rows {list({R"({"s":"a\" } ]","t":"\\"})"})};
    QTest::newRow("escapes") << QByteArray(
        R"([{"q":"say \"hi\"\n","u":"\u00e9\ud83d\ude00","p":"a\/b\\c\t"}])")
                             << list({"q", "u", "p"})
                             << Rows {list({"say \"hi\"\n", "é😀", "a/b\\c\t"})};
    QTest::newRow("BOM inside a string is data")
        << QByteArray("[{\"a\":\"\xEF\xBB\xBFx\",\"b\":\"\xEF\xBB\xBF\\n\"}]") << list({"a", "b"})
        << Rows {QStringList {QChar(0xFEFF) + s("x"), QChar(0xFEFF) + s("\n")}};
    QTest::newRow("escaped key") << QByteArray(R"([{"a\u0020b":1}])") << list({"a b"})
                                 << Rows {list({"1"})};
    QTest::newRow("unicode") << QByteArray(R"([{"名前":"日本 😀"}])") << list({"名前"})
                             << Rows {list({"日本 😀"})};
    QTest::newRow("repeated key takes the last value")
        << QByteArray(R"([{"a":1,"b":2,"a":3}])") << list({"a", "b"}) << Rows {list({"3", "2"})};
    QTest::newRow("BOM and white space")
        << QByteArray("\xEF\xBB\xBF \r\n [ {\"a\" : \"x\" } ,\n{ \"a\":\"y\"}] \n") << list({"a"})
        << Rows {list({"x"}), list({"y"})};
    QTest::newRow("empty array") << QByteArray("[]") << QStringList() << Rows {};
}

void TestDataSet::json()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, columns);
    QFETCH(Rows, rows);

    const Parsed<DataSet> parsed = parseJsonDataSet(input, FileName);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().columns, columns);
    QCOMPARE(parsed.value().rows, rows);
}

void TestDataSet::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QStringList>("saying");

    QTest::newRow("an object") << QByteArray(R"({"a":1})") << s("1:1")
                               << list({"array of objects", "an object"});
    QTest::newRow("a number after blank lines")
        << QByteArray("\n\n  42") << s("3:3") << list({"array of objects", "a number"});
    QTest::newRow("a number element") << QByteArray("[{\"a\":1},\n 7]") << s("2:2")
                                      << list({"[1]: expected an object", "a number"});
    QTest::newRow("a string element after a BOM")
        << QByteArray("\xEF\xBB\xBF[{\"a\":1},{\"b\":2},\n\n   \"x\"]") << s("3:4")
        << list({"[2]: expected an object", "a string"});
    QTest::newRow("an array element")
        << QByteArray("[[1]]") << s("1:2") << list({"[0]", "an array"});
    QTest::newRow("null element") << QByteArray("[null]") << s("1:2") << list({"[0]", "null"});
    QTest::newRow("empty file") << QByteArray() << QString() << list({"empty"});
    QTest::newRow("white space only") << QByteArray(" \n\t ") << QString() << list({"empty"});
}

void TestDataSet::jsonErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, place);
    QFETCH(QStringList, saying);

    const Parsed<DataSet> parsed = parseJsonDataSet(input, FileName);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, FileName);
    QCOMPARE(parsed.error().place, place);
    for (const QString &fragment : std::as_const(saying))
        QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
}

void TestDataSet::formatByExtensionOrContent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("columns");

    QTest::newRow("csv") << s("x.csv") << QByteArray("a,b\n1,2\n") << list({"a", "b"});
    QTest::newRow("json") << s("x.json") << QByteArray(R"([{"a":1}])") << list({"a"});
    QTest::newRow("JSON upper case") << s("X.JSON") << QByteArray(R"([{"a":1}])") << list({"a"});
    QTest::newRow("other name, JSON content")
        << s("data.txt") << QByteArray("\xEF\xBB\xBF \n[{\"a\":1}]") << list({"a"});
    QTest::newRow("no extension, CSV content") << s("data") << QByteArray("a\n1\n") << list({"a"});
    QTest::newRow("csv extension wins over content")
        << s("x.csv") << QByteArray("[a],b\n1,2\n") << list({"[a]", "b"});
}

void TestDataSet::formatByExtensionOrContent()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, columns);

    QTemporaryDir dir;
    const QString path = writeFile(dir, name, content);
    QVERIFY(!path.isEmpty());
    const Parsed<DataSet> parsed = loadDataSet(path);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().columns, columns);
    QCOMPARE(parsed.value().rows.size(), 1);
}

void TestDataSet::unreadableFiles()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.csv"));
    Parsed<DataSet> parsed = loadDataSet(missing);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, missing);
    QVERIFY(!parsed.error().message.isEmpty());

    parsed = loadDataSet(dir.path());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, dir.path());

    // A syntax error names the file and the line. Qt's parser chooses the column, so only its
    // being a number is checked.
    const QString bad = writeFile(dir, QStringLiteral("bad.json"), "[{\"a\":1},\n{\"b\":}]");
    parsed = loadDataSet(bad);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().file, bad);
    QVERIFY2(
        parsed.error().place.startsWith(QLatin1String("2:")), qPrintable(parsed.error().place));
    bool columnIsNumber = false;
    parsed.error().place.sliced(2).toInt(&columnIsNumber);
    QVERIFY(columnIsNumber);
}

void TestDataSet::bigCsvLoadsWhole()
{
    constexpr int RowCount = 100000;
    QByteArray csv = "id,name,email,note\r\n";
    csv.reserve(RowCount * 60);
    for (int i = 0; i < RowCount; ++i) {
        const QByteArray n = QByteArray::number(i);
        csv += n + ",user " + n + ",user" + n + "@example.com,\"note, with \"\"quotes\"\" " + n
            + "\"\r\n";
    }

    const Parsed<DataSet> parsed = parseCsvDataSet(csv, FileName);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().rows.size(), RowCount);
    QCOMPARE(parsed.value().rows.at(54321),
        list({"54321", "user 54321", "user54321@example.com", "note, with \"quotes\" 54321"}));
}

void TestDataSet::bigJsonLoadsWhole()
{
    constexpr int RowCount = 100000;
    QByteArray json = "[\n";
    json.reserve(RowCount * 70);
    for (int i = 0; i < RowCount; ++i) {
        const QByteArray n = QByteArray::number(i);
        json += (i ? ",\n" : "") + QByteArray("  {\"id\": ") + n + ", \"name\": \"user " + n
            + "\", \"tags\": [\"a\", " + n + "]}";
    }
    json += "\n]\n";

    const Parsed<DataSet> parsed = parseJsonDataSet(json, FileName);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().rows.size(), RowCount);
    QCOMPARE(parsed.value().rows.at(54321), list({"54321", "user 54321", "[\"a\",54321]"}));
}

QTEST_GUILESS_MAIN(TestDataSet)
#include "tst_dataset.moc"
