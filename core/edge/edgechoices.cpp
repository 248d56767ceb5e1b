#include "core/edge/edgechoices.h"

#include "core/edge/recordingrepository.h"
#include "core/edge/reviewlabelrepository.h"
#include "core/secrets/credentialprofilerepository.h"

Result<EdgeChoices> EdgeChoices::load(Workspace &workspace)
{
    EdgeChoices choices;
    auto profiles = CredentialProfileRepository(workspace).choices({CredentialProfile::Kind::Mqtt});
    if (!profiles)
        return profiles.error();
    choices.profiles = profiles.value().names;
    choices.unverifiedProfiles = profiles.value().withoutTlsVerification;
    auto recordings = RecordingRepository(workspace).list();
    if (!recordings)
        return recordings.error();
    for (const Recording &recording : recordings.value())
        choices.recordings << recording.name;
    auto labelled = ReviewLabelRepository(workspace).labelled();
    if (!labelled)
        return labelled.error();
    choices.labelled = labelled.value();
    return choices;
}
