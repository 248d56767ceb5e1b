#pragma once

class QEventLoop;

// Ctrl+C (SIGINT) and SIGTERM end a long-running command cleanly: the loop quits, the client
// disconnects, the recording is finished and the summary printed, instead of the process dying.
class StopSignal
{
public:
    static void quitOnInterrupt(QEventLoop &loop);
};
