// libFuzzer target for the JSON path parser and the assertion text parser: any text parses or
// gives an error with a place; what parses prints back to text that parses to the same thing,
// and evaluating it never crashes.
#include "core/checks/assertions.h"
#include "core/checks/jsonpath.h"

#include <cstdint>
#include <cstdlib>

namespace {

const QByteArray ResponseBody
    = R"({"data":{"items":[{"id":1},{"id":2,"tags":["a","b"]}],"a b":{"x":true},
    "":0,"$":null},"list":[10,20.5,"30"]})";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QJsonDocument document = QJsonDocument::fromJson(ResponseBody);

    const Parsed<JsonPath> path = parseJsonPath(text);
    if (path.ok()) {
        const Parsed<JsonPath> again = parseJsonPath(path.value().toString());
        if (!again.ok() || again.value() != path.value())
            std::abort();
        QString error;
        const auto found = evaluateJsonPath(document, text, &error);
        if (!error.isEmpty() || found != path.value().evaluate(document.object()))
            std::abort();
    } else if (path.error().place.isEmpty() || path.error().message.isEmpty()) {
        std::abort();
    }

    const Parsed<Assertion> assertion = parseAssertion(text);
    if (assertion.ok()) {
        if (!assertionProblem(assertion.value()).isEmpty())
            std::abort();
        const Parsed<Assertion> again = parseAssertion(assertionLabel(assertion.value()));
        if (!again.ok() || again.value() != assertion.value())
            std::abort();
        const HttpHeaders headers {{"Content-Type", "application/json"}, {"X-A", "1"}};
        const QList<AssertionOutcome> outcomes = evaluateAssertions(
            {assertion.value(), assertion.value()}, 200, headers, ResponseBody, 1234);
        if (outcomes.size() != 2 || outcomes.at(0) != outcomes.at(1))
            std::abort();
    } else if (assertion.error().place.isEmpty() || assertion.error().message.isEmpty()) {
        std::abort();
    }
    return 0;
}
