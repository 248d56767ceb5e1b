// The dataset field mapping: which of a record's fields are the question, the reference answer,
// the contexts and the response (plain strings, chat messages, arrays of either).
#include "core/eval/evalitemfields.h"
#include "core/eval/evaltypes.h"
#include "fuzz/fuzzsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size).toByteArray());
    if (!document.isObject())
        return 0;
    const QJsonObject object = document.object();
    EvalItem item;
    const QString reason = EvalItemFields::read(object, item);
    // An item without a question is refused with a reason; one that is taken has its question.
    Fuzz::require(!reason.isEmpty() || !item.question.trimmed().isEmpty(), "an accepted item has a question");
    for (auto field = object.begin(); field != object.end(); ++field) {
        EvalItemFields::contexts(field.value());
        EvalItemFields::text(field.value());
        EvalItemFields::contentText(field.value());
    }
    return 0;
}
