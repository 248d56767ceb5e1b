#include "core/common/localuser.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

Result<QString> LocalUser::name()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    // A desktop session, a container or a systemd unit may leave USER unset; the account database
    // still knows whose process this is.
    if (user.isEmpty())
        if (const passwd *entry = getpwuid(getuid()); entry && entry->pw_name)
            user = QString::fromLocal8Bit(entry->pw_name);
#endif
    if (user.isEmpty())
        return makeError(Error::Kind::Input, tr("cannot tell who you are: neither USER nor USERNAME is set"));
    return user;
}
