#include "core/common/canceltoken.h"

namespace {

thread_local const CancelToken *innermost = nullptr;

} // namespace

CancelToken::Scope::Scope(const CancelToken &token) : m_previous(innermost)
{
    innermost = &token;
}

CancelToken::Scope::~Scope()
{
    innermost = m_previous;
}

const CancelToken *CancelToken::current()
{
    return innermost;
}
