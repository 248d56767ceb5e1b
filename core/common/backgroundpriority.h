#pragma once

// Lowers the calling thread's scheduling priority, for threads that do a panel's background work
// (the Edge monitor parsing a broker's flood): on two cores the UI thread then gets the CPU first
// whenever both want it, so a frame is not held up behind a batch of parsing. On Linux this is the
// thread's nice value (per thread there, unlike POSIX's per process); QThread::LowPriority does
// nothing under Linux's default scheduler. Elsewhere QThread's own priority is used.
class QThread;

class BackgroundPriority
{
public:
    static constexpr int niceIncrement = 5; // a third of the UI thread's share when both compete

    // True when the priority was lowered.
    static bool lowerCurrentThread();
    // Lowers `thread`'s priority from inside it as it starts.
    static void lowerWhenStarted(QThread &thread);
};
