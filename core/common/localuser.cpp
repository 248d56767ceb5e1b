#include "common/localuser.h"

Result<QString> LocalUser::name()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        return makeError(Error::Kind::Input, tr("cannot tell who you are: neither USER nor USERNAME is set"));
    return user;
}
