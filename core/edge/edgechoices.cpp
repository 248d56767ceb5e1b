#include "core/edge/edgechoices.h"

#include "core/edge/recordingrepository.h"
#include "core/secrets/credentialprofilerepository.h"

Result<EdgeChoices> EdgeChoices::load(Workspace &workspace)
{
    EdgeChoices choices;
    auto profiles = CredentialProfileRepository(workspace).list();
    if (!profiles)
        return profiles.error();
    for (const CredentialProfile &profile : profiles.value())
        if (profile.kind == CredentialProfile::Kind::Mqtt)
            choices.profiles << profile.name;
    auto recordings = RecordingRepository(workspace).list();
    if (!recordings)
        return recordings.error();
    for (const Recording &recording : recordings.value())
        choices.recordings << recording.name;
    return choices;
}
