// What a Knowledge Base answers: a RetrieveAndGenerate answer with citations and a Retrieve page.
// The first byte says whether the call went through a guardrail and whether a page token is
// expected. A citation, however the service spans it, must point into the answer and at a passage
// it has.
#include "core/knowledgebase/knowledgebaseprotocol.h"
#include "core/knowledgebase/retrievalprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"
#include "fuzz/fuzzsupport.h"

#include <memory>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body = Fuzz::bytes(data + 1, size - 1).toByteArray();
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::KnowledgeBase;
    config.region = QStringLiteral("us-east-1");
    config.knowledgeBase.id = QStringLiteral("KB12345678");
    config.knowledgeBase.modelArn
        = QStringLiteral("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
    if (data[0] & 1)
        config.guardrail = GuardrailSetting::parse(QStringLiteral("gr1abc2def3g:1")).value();

    ChatResult answer;
    const Status generated = KnowledgeBaseProtocol(config, ChatRequest::fromPrompt(QStringLiteral("How many days?")))
                                 .takeAnswer(body, answer);
    Fuzz::requireExplained(generated, "a RetrieveAndGenerate answer that cannot be read says why");
    if (generated) {
        for (const Citation &citation : std::as_const(answer.citations)) {
            Fuzz::require(0 <= citation.start && citation.start <= citation.end && citation.end <= answer.text.size(),
                          "a citation spans part of the answer");
            for (int passage : citation.passages)
                Fuzz::require(passage >= 0 && passage < answer.passages.size(), "a citation points at a passage");
        }
        Fuzz::require(answer.guardrail.has_value() == bool(data[0] & 1), "a verdict only with a guardrail");
    }

    auto token = std::make_shared<QString>(QStringLiteral("before"));
    ChatResult page;
    page.passages.append(RetrievedPassage{QStringLiteral("from an earlier page"), {}, {}, -1, {}});
    const Status retrieved
        = RetrievalProtocol(config, QStringLiteral("vacation"), (data[0] & 2) ? QStringLiteral("page-2") : QString(),
                            (data[0] & 4) ? token : nullptr)
              .takeAnswer(body, page);
    Fuzz::requireExplained(retrieved, "a Retrieve answer that cannot be read says why");
    Fuzz::require(page.passages.first().text == QStringLiteral("from an earlier page"),
                  "a page adds to the passages before it");
    if (!retrieved)
        Fuzz::require(*token == QStringLiteral("before"), "a broken page does not move the paging on");
    return 0;
}
