#pragma once

#include <atomic>
#include <memory>

// Lets one thread stop the blocking calls a job makes on another: the job opens a Scope with the
// token, BlockingHttp polls the token of the scope on its thread and aborts its requests when it
// is cancelled. Copies share one flag, so the GUI keeps a copy and cancels from its thread.
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) { }

    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

    // While it lives, current() on this thread is its token (scopes nest).
    class Scope
    {
    public:
        explicit Scope(const CancelToken &token);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        const CancelToken *m_previous;
    };

    // The token of the innermost scope on the calling thread; nullptr outside any.
    static const CancelToken *current();

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};
