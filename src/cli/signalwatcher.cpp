// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalwatcher.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace Cli
{
namespace
{
int pipeFds[2] = {-1, -1};
std::atomic<int> signalCount {0};
struct sigaction previousInt {};
struct sigaction previousTerm {};

void onSignal(int signalNumber)
{
    // Async-signal-safe only: a counter, write(), _exit().
    if (signalCount.fetch_add(1) >= 1)
    {
        _exit(130);
    }
    const char byte = static_cast<char>(signalNumber);
    const ssize_t written = ::write(pipeFds[1], &byte, 1);
    (void)written;
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0)
    {
        return;
    }
    signalCount = 0;
    struct sigaction action {};
    action.sa_handler = &onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &previousInt);
    ::sigaction(SIGTERM, &action, &previousTerm);
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
    {
        return;
    }
    ::sigaction(SIGINT, &previousInt, nullptr);
    ::sigaction(SIGTERM, &previousTerm, nullptr);
    delete m_notifier;
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    pipeFds[0] = pipeFds[1] = -1;
}

void SignalWatcher::onReadable()
{
    char byte = 0;
    while (::read(pipeFds[0], &byte, 1) == 1)
    {
        emit interrupted(static_cast<unsigned char>(byte));
    }
}

} // namespace Cli
