// An inspection result as a device on the factory floor publishes it (AWS Lookout for Vision /
// Greengrass visual-inspection JSON): every message is counted as a result or as malformed with a
// reason, never dropped and never half-read.
#include "core/edge/inspectionparser.h"
#include "fuzz/fuzzsupport.h"

#include <cmath>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const InspectionParser parser;
    const auto [topic, payload] = Fuzz::split(Fuzz::bytes(data, size), '\n');
    const InspectionParser::Outcome outcome
        = parser.parse(payload.toByteArray(), 1'700'000'000'000, QString::fromUtf8(topic));
    Fuzz::require(outcome.valid == outcome.reason.isEmpty(), "a message is a result or has a reason");
    if (!outcome.valid) {
        Fuzz::require(!outcome.detail.isEmpty(), "a malformed message says what is wrong in words");
        return 0;
    }
    const InspectionResult &result = outcome.result;
    Fuzz::require(!result.deviceId.isEmpty(), "a result names its device");
    Fuzz::require(std::isfinite(result.confidence) && result.confidence >= 0 && result.confidence <= 1,
                  "a confidence is within [0, 1]");
    Fuzz::require(std::isfinite(result.latencyMs) && result.latencyMs >= 0, "a latency is a duration");
    return 0;
}
