// A prompt template's {{variables}}, as a user or a shared prompt library writes them: rendering
// with every variable given succeeds, and leaving one out is an error that names it.
#include "core/common/prompttemplate.h"

#include "fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(Fuzz::bytes(data, size));
    const QStringList names = PromptTemplate::variables(text);
    QMap<QString, QString> values;
    for (const QString &name : names)
        values.insert(name, QStringLiteral("{{") + name + QStringLiteral("}}")); // a value is never expanded again
    const Result<QString> rendered = PromptTemplate::render(text, values);
    Fuzz::require(bool(rendered), "a template renders when every variable has a value");
    Fuzz::require(PromptTemplate::variables(rendered.value()) == names, "a value is put in as it is, not expanded");
    if (!names.isEmpty()) {
        values.remove(names.first());
        const Result<QString> missing = PromptTemplate::render(text, values);
        Fuzz::require(!missing && missing.error().message.contains(names.first()),
                      "a variable without a value is an error that names it");
    }
    return 0;
}
