// Postman's dynamic variables ({{$randomEmail}}, {{$randomUUID}}, ...): random values made here,
// from small built-in word lists, with no external data or service.
#include "core/collection/dynamicvariables.h"

#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>
#include <QStringList>
#include <QUuid>

#include <functional>

namespace {

using Generator = std::function<QString()>;

int below(int bound)
{
    return int(QRandomGenerator::global()->bounded(bound));
}

QString pick(const QStringList &words)
{
    return words.at(below(int(words.size())));
}

QString characters(const QString &alphabet, int count)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out += alphabet.at(below(int(alphabet.size())));
    return out;
}

QString digits(int count)
{
    return characters(QStringLiteral("0123456789"), count);
}

QString hex(int count)
{
    return characters(QStringLiteral("0123456789abcdef"), count);
}

const QString AlphaNumeric = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");

const QStringList FirstNames = {QStringLiteral("Ada"), QStringLiteral("Alan"),
    QStringLiteral("Grace"), QStringLiteral("Linus"), QStringLiteral("Margaret"),
    QStringLiteral("Dennis"), QStringLiteral("Barbara"), QStringLiteral("Ken"),
    QStringLiteral("Frances"), QStringLiteral("Edsger"), QStringLiteral("Radia"),
    QStringLiteral("Tim"), QStringLiteral("Hedy"), QStringLiteral("Donald")};
const QStringList LastNames = {QStringLiteral("Lovelace"), QStringLiteral("Turing"),
    QStringLiteral("Hopper"), QStringLiteral("Torvalds"), QStringLiteral("Hamilton"),
    QStringLiteral("Ritchie"), QStringLiteral("Liskov"), QStringLiteral("Thompson"),
    QStringLiteral("Allen"), QStringLiteral("Dijkstra"), QStringLiteral("Perlman"),
    QStringLiteral("Berners-Lee"), QStringLiteral("Lamarr"), QStringLiteral("Knuth")};
const QStringList Nouns = {QStringLiteral("system"), QStringLiteral("protocol"),
    QStringLiteral("bandwidth"), QStringLiteral("array"), QStringLiteral("circuit"),
    QStringLiteral("driver"), QStringLiteral("feed"), QStringLiteral("firewall"),
    QStringLiteral("interface"), QStringLiteral("matrix"), QStringLiteral("monitor"),
    QStringLiteral("pixel"), QStringLiteral("port"), QStringLiteral("sensor")};
const QStringList Adjectives = {QStringLiteral("auxiliary"), QStringLiteral("primary"),
    QStringLiteral("back-end"), QStringLiteral("digital"), QStringLiteral("open-source"),
    QStringLiteral("virtual"), QStringLiteral("cross-platform"), QStringLiteral("redundant"),
    QStringLiteral("online"), QStringLiteral("haptic"), QStringLiteral("mobile"),
    QStringLiteral("wireless"), QStringLiteral("optical"), QStringLiteral("solid state")};
const QStringList Verbs = {QStringLiteral("back up"), QStringLiteral("bypass"),
    QStringLiteral("hack"), QStringLiteral("override"), QStringLiteral("compress"),
    QStringLiteral("copy"), QStringLiteral("navigate"), QStringLiteral("index"),
    QStringLiteral("connect"), QStringLiteral("generate"), QStringLiteral("quantify"),
    QStringLiteral("calculate"), QStringLiteral("synthesize"), QStringLiteral("transmit")};
const QStringList Lorem = {QStringLiteral("lorem"), QStringLiteral("ipsum"),
    QStringLiteral("dolor"), QStringLiteral("sit"), QStringLiteral("amet"),
    QStringLiteral("consectetur"), QStringLiteral("adipiscing"), QStringLiteral("elit"),
    QStringLiteral("sed"), QStringLiteral("do"), QStringLiteral("eiusmod"),
    QStringLiteral("tempor"), QStringLiteral("incididunt"), QStringLiteral("labore")};
const QStringList Cities = {QStringLiteral("Madrid"), QStringLiteral("Lisbon"),
    QStringLiteral("Oslo"), QStringLiteral("Lyon"), QStringLiteral("Porto"),
    QStringLiteral("Austin"), QStringLiteral("Kyoto"), QStringLiteral("Quito"),
    QStringLiteral("Perth"), QStringLiteral("Nairobi")};
const QStringList Countries = {QStringLiteral("Spain"), QStringLiteral("Portugal"),
    QStringLiteral("Norway"), QStringLiteral("France"), QStringLiteral("Japan"),
    QStringLiteral("Ecuador"), QStringLiteral("Australia"), QStringLiteral("Kenya")};
const QStringList CountryCodes
    = {QStringLiteral("ES"), QStringLiteral("PT"), QStringLiteral("NO"), QStringLiteral("FR"),
        QStringLiteral("JP"), QStringLiteral("EC"), QStringLiteral("AU"), QStringLiteral("KE")};
const QStringList Streets = {QStringLiteral("Main Street"), QStringLiteral("Oak Avenue"),
    QStringLiteral("Calle Mayor"), QStringLiteral("Harbour Road"), QStringLiteral("Mill Lane"),
    QStringLiteral("Station Road")};
const QStringList DomainSuffixes = {QStringLiteral("com"), QStringLiteral("net"),
    QStringLiteral("org"), QStringLiteral("info"), QStringLiteral("io"), QStringLiteral("biz")};
const QStringList Colors = {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
    QStringLiteral("orange"), QStringLiteral("purple"), QStringLiteral("teal"),
    QStringLiteral("magenta"), QStringLiteral("olive")};
const QStringList Currencies = {QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"),
    QStringLiteral("JPY"), QStringLiteral("CHF"), QStringLiteral("NOK")};
const QStringList CurrencyNames = {QStringLiteral("Euro"), QStringLiteral("US Dollar"),
    QStringLiteral("Pound Sterling"), QStringLiteral("Yen"), QStringLiteral("Swiss Franc")};
const QStringList CurrencySymbols = {QStringLiteral("€"), QStringLiteral("$"), QStringLiteral("£"),
    QStringLiteral("¥"), QStringLiteral("₣")};
const QStringList Companies
    = {QStringLiteral("Acme"), QStringLiteral("Globex"), QStringLiteral("Initech"),
        QStringLiteral("Umbrella"), QStringLiteral("Hooli"), QStringLiteral("Vandelay")};
const QStringList CompanySuffixes = {QStringLiteral("Inc"), QStringLiteral("LLC"),
    QStringLiteral("Group"), QStringLiteral("and Sons")};
const QStringList JobAreas = {QStringLiteral("Security"), QStringLiteral("Infrastructure"),
    QStringLiteral("Markets"), QStringLiteral("Quality"), QStringLiteral("Research")};
const QStringList JobDescriptors = {QStringLiteral("Lead"), QStringLiteral("Senior"),
    QStringLiteral("Principal"), QStringLiteral("Junior"), QStringLiteral("Chief")};
const QStringList JobTypes = {QStringLiteral("Engineer"), QStringLiteral("Analyst"),
    QStringLiteral("Architect"), QStringLiteral("Designer"), QStringLiteral("Manager")};
const QStringList Weekdays = {QStringLiteral("Monday"), QStringLiteral("Tuesday"),
    QStringLiteral("Wednesday"), QStringLiteral("Thursday"), QStringLiteral("Friday"),
    QStringLiteral("Saturday"), QStringLiteral("Sunday")};
const QStringList Months = {QStringLiteral("January"), QStringLiteral("February"),
    QStringLiteral("March"), QStringLiteral("April"), QStringLiteral("May"), QStringLiteral("June"),
    QStringLiteral("July"), QStringLiteral("August"), QStringLiteral("September"),
    QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
const QStringList FileExtensions = {QStringLiteral("txt"), QStringLiteral("json"),
    QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("csv"), QStringLiteral("mp3")};
const QStringList MimeTypes = {QStringLiteral("text/plain"), QStringLiteral("application/json"),
    QStringLiteral("image/png"), QStringLiteral("application/pdf"), QStringLiteral("text/csv")};
const QStringList Locales = {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr"),
    QStringLiteral("de"), QStringLiteral("ja"), QStringLiteral("pt_BR")};

QString words(int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << pick(Lorem);
    return out.join(u' ');
}

QString sentence()
{
    QString text = words(4 + below(6));
    text[0] = text.at(0).toUpper();
    return text + u'.';
}

QString userName()
{
    return pick(FirstNames) + u'.' + pick(LastNames).remove(u'-') + QString::number(below(100));
}

QString domainName()
{
    return pick(Nouns) + pick(Adjectives).remove(u' ').remove(u'-') + u'.' + pick(DomainSuffixes);
}

QString dateFrom(qint64 offsetSeconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds).toString(Qt::RFC2822Date);
}

QString ipv6()
{
    QStringList groups;
    for (int i = 0; i < 8; ++i)
        groups << hex(4);
    return groups.join(u':');
}

QString fullName()
{
    return pick(FirstNames) + u' ' + pick(LastNames);
}

const QStringList AbbreviationWords = {QStringLiteral("HTTP"), QStringLiteral("JSON"),
    QStringLiteral("SQL"), QStringLiteral("TCP"), QStringLiteral("XML")};
const QStringList NamePrefixWords
    = {QStringLiteral("Mr."), QStringLiteral("Ms."), QStringLiteral("Dr."), QStringLiteral("Mx.")};
const QStringList NameSuffixWords
    = {QStringLiteral("Jr."), QStringLiteral("Sr."), QStringLiteral("PhD"), QStringLiteral("MD")};
const QStringList BankAccountNameWords = {QStringLiteral("Checking Account"),
    QStringLiteral("Savings Account"), QStringLiteral("Money Market Account")};
const QStringList TransactionTypeWords = {QStringLiteral("deposit"), QStringLiteral("withdrawal"),
    QStringLiteral("payment"), QStringLiteral("invoice")};
const QStringList DatabaseTypeWords = {QStringLiteral("int"), QStringLiteral("varchar"),
    QStringLiteral("timestamp"), QStringLiteral("boolean")};
const QStringList DatabaseColumnWords = {QStringLiteral("id"), QStringLiteral("name"),
    QStringLiteral("email"), QStringLiteral("createdAt")};
const QStringList DatabaseEngineWords
    = {QStringLiteral("InnoDB"), QStringLiteral("MyISAM"), QStringLiteral("MEMORY")};
const QStringList DatabaseCollationWords
    = {QStringLiteral("utf8_general_ci"), QStringLiteral("utf8_bin"), QStringLiteral("ascii_bin")};
const QStringList ProductWords = {QStringLiteral("Chair"), QStringLiteral("Table"),
    QStringLiteral("Lamp"), QStringLiteral("Keyboard")};
const QStringList ProductAdjectiveWords = {QStringLiteral("Handcrafted"),
    QStringLiteral("Ergonomic"), QStringLiteral("Sleek"), QStringLiteral("Rustic")};
const QStringList ProductMaterialWords = {QStringLiteral("Steel"), QStringLiteral("Wooden"),
    QStringLiteral("Cotton"), QStringLiteral("Granite")};
const QStringList DepartmentWords = {QStringLiteral("Books"), QStringLiteral("Garden"),
    QStringLiteral("Tools"), QStringLiteral("Music")};
const QStringList IngverbWords = {QStringLiteral("parsing"), QStringLiteral("indexing"),
    QStringLiteral("compressing"), QStringLiteral("calculating")};

/// The variables that pick a word of a list.
const std::pair<const char *, const QStringList *> Picks[] = {
    {"$randomColor", &Colors},
    {"$randomAbbreviation", &AbbreviationWords},
    {"$randomLocale", &Locales},
    {"$randomFirstName", &FirstNames},
    {"$randomLastName", &LastNames},
    {"$randomNamePrefix", &NamePrefixWords},
    {"$randomNameSuffix", &NameSuffixWords},
    {"$randomJobArea", &JobAreas},
    {"$randomJobDescriptor", &JobDescriptors},
    {"$randomJobType", &JobTypes},
    {"$randomCity", &Cities},
    {"$randomStreetName", &Streets},
    {"$randomCountry", &Countries},
    {"$randomCountryCode", &CountryCodes},
    {"$randomBankAccountName", &BankAccountNameWords},
    {"$randomTransactionType", &TransactionTypeWords},
    {"$randomCurrencyCode", &Currencies},
    {"$randomCurrencyName", &CurrencyNames},
    {"$randomCurrencySymbol", &CurrencySymbols},
    {"$randomCompanySuffix", &CompanySuffixes},
    {"$randomBsAdjective", &Adjectives},
    {"$randomBsBuzz", &Verbs},
    {"$randomBsNoun", &Nouns},
    {"$randomDatabaseType", &DatabaseTypeWords},
    {"$randomDatabaseColumn", &DatabaseColumnWords},
    {"$randomDatabaseEngine", &DatabaseEngineWords},
    {"$randomDatabaseCollation", &DatabaseCollationWords},
    {"$randomWeekday", &Weekdays},
    {"$randomMonth", &Months},
    {"$randomDomainSuffix", &DomainSuffixes},
    {"$randomDomainWord", &Nouns},
    {"$randomFileExt", &FileExtensions},
    {"$randomCommonFileExt", &FileExtensions},
    {"$randomMimeType", &MimeTypes},
    {"$randomProduct", &ProductWords},
    {"$randomProductAdjective", &ProductAdjectiveWords},
    {"$randomProductMaterial", &ProductMaterialWords},
    {"$randomDepartment", &DepartmentWords},
    {"$randomNoun", &Nouns},
    {"$randomVerb", &Verbs},
    {"$randomIngverb", &IngverbWords},
    {"$randomAdjective", &Adjectives},
    {"$randomWord", &Nouns},
    {"$randomLoremWord", &Lorem},
};

/// The variables made up each time.
const std::pair<const char *, QString (*)()> Computed[] = {
    {"$randomUUID",
        []() -> QString {
            return QUuid::createUuid().toString(QUuid::WithoutBraces);
        }},
    {"$randomAlphaNumeric",
        []() -> QString {
            return characters(AlphaNumeric, 1);
        }},
    {"$randomBoolean",
        []() -> QString {
            return below(2) ? QStringLiteral("true") : QStringLiteral("false");
        }},
    {"$randomHexColor",
        []() -> QString {
            return u'#' + hex(6);
        }},
    {"$randomIP",
        []() -> QString {
            return QStringLiteral("%1.%2.%3.%4")
                .arg(below(256))
                .arg(below(256))
                .arg(below(256))
                .arg(below(256));
        }},
    {"$randomIPV6", ipv6},
    {"$randomMACAddress",
        []() -> QString {
            QStringList p;
            for (int i = 0; i < 6; ++i)
                p << hex(2);
            return p.join(u':');
        }},
    {"$randomPassword",
        []() -> QString {
            return characters(AlphaNumeric, 15);
        }},
    {"$randomUserAgent",
        []() -> QString {
            return QStringLiteral(
                "Mozilla/5.0 (X11; Linux x86_64; rv:%1.0) Gecko/20100101 Firefox/%1.0")
                .arg(100 + below(30));
        }},
    {"$randomProtocol",
        []() -> QString {
            return below(2) ? QStringLiteral("https") : QStringLiteral("http");
        }},
    {"$randomSemver",
        []() -> QString {
            return QStringLiteral("%1.%2.%3").arg(below(10)).arg(below(10)).arg(below(10));
        }},
    {"$randomFullName", fullName},
    {"$randomJobTitle",
        []() -> QString {
            return pick(JobDescriptors) + u' ' + pick(JobAreas) + u' ' + pick(JobTypes);
        }},
    {"$randomPhoneNumber",
        []() -> QString {
            return QStringLiteral("%1-%2-%3").arg(digits(3), digits(3), digits(4));
        }},
    {"$randomPhoneNumberExt",
        []() -> QString {
            return QStringLiteral("%1-%2-%3-%4").arg(digits(2), digits(3), digits(3), digits(4));
        }},
    {"$randomStreetAddress",
        []() -> QString {
            return QString::number(1 + below(9999)) + u' ' + pick(Streets);
        }},
    {"$randomLatitude",
        []() -> QString {
            return QString::number(QRandomGenerator::global()->bounded(180.0) - 90.0, 'f', 4);
        }},
    {"$randomLongitude",
        []() -> QString {
            return QString::number(QRandomGenerator::global()->bounded(360.0) - 180.0, 'f', 4);
        }},
    {"$randomBankAccount",
        []() -> QString {
            return digits(8);
        }},
    {"$randomCreditCardMask",
        []() -> QString {
            return digits(4);
        }},
    {"$randomBankAccountBic",
        []() -> QString {
            return characters(QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), 6) + digits(2);
        }},
    {"$randomBankAccountIban",
        []() -> QString {
            return pick(CountryCodes) + digits(22);
        }},
    {"$randomBitcoin",
        []() -> QString {
            return u'1'
                + characters(
                    QStringLiteral("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"),
                    33);
        }},
    {"$randomCompanyName",
        []() -> QString {
            return pick(Companies) + u' ' + pick(CompanySuffixes);
        }},
    {"$randomBs",
        []() -> QString {
            return pick(Verbs) + u' ' + pick(Adjectives) + u' ' + pick(Nouns);
        }},
    {"$randomCatchPhrase",
        []() -> QString {
            return pick(Adjectives) + u' ' + pick(Nouns);
        }},
    {"$randomDateFuture",
        []() -> QString {
            return dateFrom(86400 + below(365 * 86400));
        }},
    {"$randomDatePast",
        []() -> QString {
            return dateFrom(-86400 - below(365 * 86400));
        }},
    {"$randomDateRecent",
        []() -> QString {
            return dateFrom(-below(86400));
        }},
    {"$randomDomainName", domainName},
    {"$randomEmail",
        []() -> QString {
            return userName() + u'@' + domainName();
        }},
    {"$randomExampleEmail",
        []() -> QString {
            return userName() + QStringLiteral("@example.com");
        }},
    {"$randomUserName", userName},
    {"$randomUrl",
        []() -> QString {
            return QStringLiteral("https://") + domainName();
        }},
    {"$randomFileName",
        []() -> QString {
            return pick(Nouns) + u'_' + pick(Lorem) + u'.' + pick(FileExtensions);
        }},
    {"$randomCommonFileName",
        []() -> QString {
            return pick(Nouns) + u'.' + pick(FileExtensions);
        }},
    {"$randomFileType",
        []() -> QString {
            return pick(MimeTypes).section(u'/', 0, 0);
        }},
    {"$randomCommonFileType",
        []() -> QString {
            return pick(MimeTypes).section(u'/', 0, 0);
        }},
    {"$randomFilePath",
        []() -> QString {
            return QStringLiteral("/usr/share/") + pick(Nouns) + u'.' + pick(FileExtensions);
        }},
    {"$randomDirectoryPath",
        []() -> QString {
            return QStringLiteral("/var/lib/") + pick(Nouns);
        }},
    {"$randomPrice",
        []() -> QString {
            return QStringLiteral("%1.%2").arg(below(1000)).arg(digits(2));
        }},
    {"$randomProductName",
        []() -> QString {
            return QStringLiteral("Ergonomic Wooden ")
                + pick({QStringLiteral("Chair"), QStringLiteral("Lamp")});
        }},
    {"$randomWords",
        []() -> QString {
            return pick(Adjectives) + u' ' + pick(Nouns);
        }},
    {"$randomPhrase",
        []() -> QString {
            return QStringLiteral("Try to %1 the %2 %3!")
                .arg(pick(Verbs), pick(Adjectives), pick(Nouns));
        }},
    {"$randomLoremWords",
        []() -> QString {
            return words(3);
        }},
    {"$randomLoremSentence", sentence},
    {"$randomLoremSentences",
        []() -> QString {
            return sentence() + u' ' + sentence() + u' ' + sentence();
        }},
    {"$randomLoremParagraph",
        []() -> QString {
            return sentence() + u' ' + sentence() + u' ' + sentence();
        }},
    {"$randomLoremParagraphs",
        []() -> QString {
            return sentence() + u' ' + sentence() + QStringLiteral("\n \r") + sentence() + u' '
                + sentence();
        }},
    {"$randomLoremText", sentence},
    {"$randomLoremSlug",
        []() -> QString {
            return words(3).replace(u' ', u'-');
        }},
    {"$randomLoremLines",
        []() -> QString {
            return sentence() + u'\n' + sentence();
        }},
};

const QHash<QString, Generator> &generators()
{
    static const QHash<QString, Generator> table = [] {
        QHash<QString, Generator> made;
        for (const auto &[name, words] : Picks)
            made.insert(QLatin1String(name), [list = words] { return pick(*list); });
        for (const auto &[name, make] : Computed)
            made.insert(QLatin1String(name), make);
        return made;
    }();
    return table;
}

} // namespace

bool isPostmanDynamicVariable(const QString &name)
{
    return generators().contains(name);
}

std::optional<QString> postmanDynamicValue(const QString &name)
{
    const auto it = generators().constFind(name);
    if (it == generators().cend())
        return std::nullopt;
    return (*it)();
}

QStringList postmanDynamicVariableNames()
{
    QStringList names = generators().keys();
    names.sort();
    return names;
}
