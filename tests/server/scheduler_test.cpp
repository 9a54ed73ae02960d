// The worker's scheduler: retired objects are freed by the worker, when it is
// idle and, under a stream of jobs, before each job once too many are held.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "server/scheduler.h"

using molt::lsp::Scheduler;

namespace {

std::atomic<int> g_live{0};
struct Tracked {
  Tracked() { ++g_live; }
  ~Tracked() { --g_live; }
};

bool waitFor(const std::function<bool()>& done) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace

TEST_CASE("scheduler: a retired object is freed once the worker is idle") {
  g_live = 0;
  Scheduler s([](const std::string&) {});
  s.retire(std::make_shared<Tracked>());
  CHECK(waitFor([] { return g_live.load() == 0; }));
}

TEST_CASE("scheduler: back-to-back analyses and tasks keep the retired objects bounded") {
  g_live = 0;
  std::atomic<int> max_live{0}, runs{0};
  Scheduler* self = nullptr;
  auto note = [&] {
    int live = g_live.load();
    int seen = max_live.load();
    while (live > seen && !max_live.compare_exchange_weak(seen, live)) {}
  };
  // Each analysis retires two objects (an analysis and a chunk model, as the
  // server does) and re-arms itself at once, so the worker is never idle.
  Scheduler s([&](const std::string& uri) {
    note();
    self->retire(std::make_shared<Tracked>());
    self->retire(std::make_shared<Tracked>());
    if (++runs < 300) self->scheduleAnalysis(uri, std::chrono::milliseconds(0));
  });
  self = &s;
  s.scheduleAnalysis("file:///a.py", std::chrono::milliseconds(0));
  REQUIRE(waitFor([&] { return runs.load() >= 300; }));
  // A stream of tasks, each retiring two objects and posting the next.
  std::atomic<int> tasks{0};
  std::function<void()> task = [&] {
    note();
    s.retire(std::make_shared<Tracked>());
    s.retire(std::make_shared<Tracked>());
    if (++tasks < 300) s.post(task);
  };
  s.post(task);
  REQUIRE(waitFor([&] { return tasks.load() >= 300; }));
  // Seen at the start of a job: at most the bound plus the two the previous
  // job retired after the worker last checked.
  CHECK(max_live.load() <= static_cast<int>(Scheduler::kMaxHeldGarbage) + 2);
  CHECK(waitFor([] { return g_live.load() == 0; }));  // then idle: all freed
}

TEST_CASE("scheduler: objects still held at shutdown are freed with it") {
  g_live = 0;
  {
    Scheduler s([](const std::string&) {});
    s.stop();
    s.retire(std::make_shared<Tracked>());  // after stop: freed by the caller at once
    CHECK(g_live.load() == 0);
  }
  CHECK(g_live.load() == 0);
}
