#pragma once

#include <cstddef>
#include <utility>
#include <vector>

// The newest `capacity` values in arrival order, in storage allocated once: a value added to a
// full ring takes the oldest one's place, so a log that keeps its last 50,000 records neither
// allocates nor moves records as they come and go. Index 0 is the oldest value held.
template<typename T> class RingBuffer
{
public:
    explicit RingBuffer(std::size_t capacity) : m_capacity(capacity > 0 ? capacity : 1) { }

    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    bool isFull() const { return m_size == m_capacity; }

    const T &operator[](std::size_t index) const { return m_values[(m_first + index) % m_capacity]; }

    // Adds `value` as the newest; when full, the oldest leaves first.
    void append(T value)
    {
        if (m_values.size() < m_capacity) {
            m_values.push_back(std::move(value));
            ++m_size;
            return;
        }
        m_values[(m_first + m_size) % m_capacity] = std::move(value);
        if (isFull())
            m_first = (m_first + 1) % m_capacity;
        else
            ++m_size;
    }

    // Forgets the oldest `count` values (all of them when there are fewer).
    void dropOldest(std::size_t count)
    {
        count = count < m_size ? count : m_size;
        m_first = (m_first + count) % m_capacity;
        m_size -= count;
    }

    void clear()
    {
        m_values.clear();
        m_first = 0;
        m_size = 0;
    }

private:
    std::vector<T> m_values; // grows to `capacity` once, then is reused in place
    std::size_t m_capacity;
    std::size_t m_first = 0; // where the oldest value is
    std::size_t m_size = 0;
};
