// Content-Length framing, and the stdio / TCP / in-memory byte channels.
#include "server/transport.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/write.hpp>

namespace molt::lsp {

namespace {

// Case-insensitive search for the last "content-length:" in `block`.
size_t findLastContentLength(std::string_view block) {
  static constexpr std::string_view kName = "content-length:";
  if (block.size() < kName.size()) return std::string_view::npos;
  for (size_t i = block.size() - kName.size() + 1; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < kName.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(block[i + k])) == kName[k];
    if (match) return i;
  }
  return std::string_view::npos;
}

}  // namespace

void FrameReader::feed(std::string_view bytes, std::vector<FrameEvent>& out) {
  if (skip_ > 0) {
    size_t n = std::min(skip_, bytes.size());
    skip_ -= n;
    bytes.remove_prefix(n);
  }
  buf_.append(bytes);
  for (;;) {
    if (skip_ > 0) {  // discarding an oversized body that arrived in this chunk
      size_t n = std::min(skip_, buf_.size());
      buf_.erase(0, n);
      skip_ -= n;
      if (skip_ > 0) return;
    }
    if (have_header_) {
      if (buf_.size() < body_length_) return;
      out.push_back({FrameEvent::Kind::Message, buf_.substr(0, body_length_)});
      buf_.erase(0, body_length_);
      have_header_ = false;
      continue;
    }
    size_t end = buf_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (buf_.size() > kMaxHeader) {
        out.push_back({FrameEvent::Kind::Error, "header block longer than 64 KiB without a blank line; discarded"});
        buf_.erase(0, buf_.size() - 3);  // keep a possible partial "\r\n\r"
      }
      return;
    }
    std::string block = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    size_t at = findLastContentLength(block);
    if (at == std::string::npos) {
      out.push_back({FrameEvent::Kind::Error, "message header without Content-Length; discarded " +
                                                  std::to_string(block.size() + 4) + " bytes"});
      continue;
    }
    if (at > 0 && block[at - 1] != '\n') {
      out.push_back({FrameEvent::Kind::Error, "skipped " + std::to_string(at) + " bytes of junk before a header"});
    }
    std::string_view value = std::string_view(block).substr(at + 15);
    size_t eol = value.find("\r\n");
    if (eol != std::string_view::npos) value = value.substr(0, eol);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    bool digits = !value.empty() && value.size() <= 18 &&
                  std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      out.push_back({FrameEvent::Kind::Error, "invalid Content-Length `" + std::string(value.substr(0, 40)) + "`"});
      continue;
    }
    size_t n = std::stoull(std::string(value));
    if (n > max_message_) {
      out.push_back({FrameEvent::Kind::Error, "message of " + std::to_string(n) + " bytes exceeds the limit of " +
                                                  std::to_string(max_message_) + " bytes; discarded"});
      skip_ = n;
      continue;
    }
    body_length_ = n;
    have_header_ = true;
  }
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

bool FramedTransport::next(FrameEvent& ev) {
  char buf[65536];
  while (pending_.empty()) {
    size_t n = readSome(buf, sizeof buf);
    if (n == 0) return false;
    std::vector<FrameEvent> got;
    reader_.feed(std::string_view(buf, n), got);
    for (auto& e : got) pending_.push_back(std::move(e));
  }
  ev = std::move(pending_.front());
  pending_.pop_front();
  return true;
}

void FramedTransport::send(std::string_view body) {
  std::string bytes = frame(body);
  std::lock_guard lock(write_mutex_);
  if (!writeAll(bytes)) std::fprintf(stderr, "molt-lsp: failed to write a message (%zu bytes)\n", body.size());
}

namespace {

namespace asio = boost::asio;

class StdioTransport : public FramedTransport {
 public:
  StdioTransport() : in_(io_), out_(io_) {
    boost::system::error_code ec;
    in_.assign(::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0), ec);  // not inherited by molt.build children
    if (ec) in_fallback_ = true;
    out_.assign(::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0), ec);
    if (ec) out_fallback_ = true;
  }

 protected:
  size_t readSome(char* buf, size_t size) override {
    if (in_fallback_) {
      ssize_t n;
      do n = ::read(STDIN_FILENO, buf, size); while (n < 0 && errno == EINTR);
      return n > 0 ? static_cast<size_t>(n) : 0;
    }
    boost::system::error_code ec;
    size_t n = in_.read_some(asio::buffer(buf, size), ec);
    return ec ? 0 : n;
  }
  bool writeAll(std::string_view bytes) override {
    if (out_fallback_) {
      while (!bytes.empty()) {
        ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
      }
      return true;
    }
    boost::system::error_code ec;
    asio::write(out_, asio::buffer(bytes.data(), bytes.size()), ec);
    return !ec;
  }

 private:
  asio::io_context io_;
  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
  bool in_fallback_ = false;
  bool out_fallback_ = false;
};

class TcpTransport : public FramedTransport {
 public:
  explicit TcpTransport(asio::io_context& io) : socket_(io) {}
  asio::ip::tcp::socket& socket() { return socket_; }

 protected:
  size_t readSome(char* buf, size_t size) override {
    boost::system::error_code ec;
    size_t n = socket_.read_some(asio::buffer(buf, size), ec);
    return ec ? 0 : n;
  }
  bool writeAll(std::string_view bytes) override {
    boost::system::error_code ec;
    asio::write(socket_, asio::buffer(bytes.data(), bytes.size()), ec);
    return !ec;
  }

 private:
  asio::ip::tcp::socket socket_;
};

// Owns the io_context alongside the socket transport.
class OwningTcpTransport : public Transport {
 public:
  OwningTcpTransport() : inner_(io_) {}
  bool next(FrameEvent& ev) override { return inner_.next(ev); }
  void send(std::string_view body) override { inner_.send(body); }
  asio::io_context io_;
  TcpTransport inner_;
};

}  // namespace

std::unique_ptr<Transport> makeStdioTransport() { return std::make_unique<StdioTransport>(); }

std::unique_ptr<Transport> makeTcpTransport(unsigned short port, std::string& error) {
  auto t = std::make_unique<OwningTcpTransport>();
  boost::system::error_code ec;
  asio::ip::tcp::acceptor acceptor(t->io_);
  asio::ip::tcp::endpoint ep(asio::ip::make_address_v4("127.0.0.1"), port);
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(1, ec);
  if (!ec) {
    std::fprintf(stderr, "molt-lsp: listening on 127.0.0.1:%u\n", static_cast<unsigned>(acceptor.local_endpoint(ec).port()));
    acceptor.accept(t->inner_.socket(), ec);
  }
  if (ec) {
    error = "cannot serve on 127.0.0.1:" + std::to_string(port) + ": " + ec.message();
    return nullptr;
  }
  return t;
}

// ------------------------------------------------------------ MemoryTransport

void MemoryTransport::push(std::string_view bytes) {
  std::lock_guard lock(mutex_);
  input_.append(bytes);
  cv_.notify_all();
}

void MemoryTransport::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  cv_.notify_all();
}

size_t MemoryTransport::readSome(char* buf, size_t size) {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return !input_.empty() || closed_; });
  if (input_.empty()) return 0;
  size_t n = std::min(size, input_.size());
  std::copy_n(input_.data(), n, buf);
  input_.erase(0, n);
  return n;
}

bool MemoryTransport::writeAll(std::string_view bytes) {
  std::lock_guard lock(mutex_);
  std::vector<FrameEvent> evs;
  out_reader_.feed(bytes, evs);
  for (auto& e : evs)
    if (e.kind == FrameEvent::Kind::Message) out_.push_back(std::move(e.text));
  cv_.notify_all();
  return true;
}

std::vector<std::string> MemoryTransport::written() {
  std::lock_guard lock(mutex_);
  return out_;
}

std::string MemoryTransport::waitFor(const std::function<bool(const std::string&)>& pred,
                                     std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  std::string found;
  size_t checked = 0;
  cv_.wait_for(lock, timeout, [&] {
    for (; checked < out_.size(); ++checked) {
      if (pred(out_[checked])) {
        found = out_[checked];
        return true;
      }
    }
    return false;
  });
  return found;
}

}  // namespace molt::lsp
