// The worker loop: tasks first, then the earliest due analysis; retired
// objects are freed one at a time when idle, or before the next job while
// more than kMaxHeldGarbage are held.
#include "server/scheduler.h"

namespace molt::lsp {

Scheduler::Scheduler(std::function<void(const std::string&)> analyze)
    : analyze_(std::move(analyze)), worker_([this] { loop(); }) {}

Scheduler::~Scheduler() { stop(); }

void Scheduler::scheduleAnalysis(const std::string& uri, std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  due_[uri] = Clock::now() + delay;
  cv_.notify_all();
}

void Scheduler::cancelAnalysis(const std::string& uri) {
  std::lock_guard lock(mutex_);
  due_.erase(uri);
}

void Scheduler::post(std::function<void()> task) {
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  tasks_.push_back(std::move(task));
  cv_.notify_all();
}

void Scheduler::retire(std::shared_ptr<const void> garbage) {
  if (!garbage) return;
  std::lock_guard lock(mutex_);
  if (stopping_) return;  // freed here, by the caller
  garbage_.push_back(std::move(garbage));
  cv_.notify_all();
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    cv_.notify_all();
  }
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

void Scheduler::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto next = due_.end();
    for (auto it = due_.begin(); it != due_.end(); ++it)
      if (next == due_.end() || it->second < next->second) next = it;
    bool idle = tasks_.empty() && (next == due_.end() || next->second > Clock::now());
    // Free when idle, and before the next job while too many are held (a
    // stream of back-to-back jobs would otherwise keep them all).
    if (!garbage_.empty() && (idle || garbage_.size() > kMaxHeldGarbage)) {
      std::shared_ptr<const void> g = std::move(garbage_.front());
      garbage_.pop_front();
      lock.unlock();
      g.reset();
      lock.lock();
      continue;
    }
    if (!tasks_.empty()) {
      auto task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
      continue;
    }
    if (next == due_.end()) {
      cv_.wait(lock);
      continue;
    }
    if (next->second > Clock::now()) {
      cv_.wait_until(lock, next->second);
      continue;
    }
    std::string uri = next->first;
    due_.erase(next);
    lock.unlock();
    analyze_(uri);
    lock.lock();
  }
}

}  // namespace molt::lsp
