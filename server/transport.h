// The transport layer: LSP base-protocol framing (`Content-Length` headers)
// over a byte stream. Stdio and TCP (127.0.0.1) use Boost.Asio; tests use an
// in-memory transport. This layer knows nothing about JSON: it hands message
// bodies up and frames bodies on the way down. Framing problems (missing or
// bad headers, oversized messages) become FrameEvent::Error so the server can
// answer them; the reader always resynchronises on the next header.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace molt::lsp {

struct FrameEvent {
  enum class Kind { Message, Error } kind = Kind::Message;
  std::string text;  // the message body, or a description of the framing error
};

// Incremental Content-Length parser. Not thread-safe (owned by the reader).
class FrameReader {
 public:
  static constexpr size_t kDefaultMaxMessage = 64u << 20;  // 64 MiB
  static constexpr size_t kMaxHeader = 64u << 10;

  explicit FrameReader(size_t max_message = kDefaultMaxMessage) : max_message_(max_message) {}
  // Consumes `bytes` and appends every completed event to `out`, in order.
  void feed(std::string_view bytes, std::vector<FrameEvent>& out);

 private:
  std::string buf_;
  size_t body_length_ = 0;   // > 0 or have_header_: waiting for the body
  bool have_header_ = false;
  size_t skip_ = 0;          // bytes of an oversized body still to discard
  size_t max_message_;
};

// Frames one body: "Content-Length: N\r\n\r\n" + body.
[[nodiscard]] std::string frame(std::string_view body);

// A bidirectional message channel. next() is called from one thread (the I/O
// thread); send() may be called from any thread.
class Transport {
 public:
  virtual ~Transport() = default;
  // Blocks until the next event. Returns false at end of input or on a read
  // error (the server then stops).
  virtual bool next(FrameEvent& ev) = 0;
  // Frames and writes one message body. Thread-safe; errors are logged, not thrown.
  virtual void send(std::string_view body) = 0;
};

// Common framing on top of raw byte reads/writes.
class FramedTransport : public Transport {
 public:
  explicit FramedTransport(size_t max_message = FrameReader::kDefaultMaxMessage) : reader_(max_message) {}
  bool next(FrameEvent& ev) override;
  void send(std::string_view body) override;

 protected:
  // Reads at least one byte into `buf`; returns 0 at end of input or on error.
  virtual size_t readSome(char* buf, size_t size) = 0;
  // Writes all of `bytes`; returns false on error.
  virtual bool writeAll(std::string_view bytes) = 0;

 private:
  FrameReader reader_;
  std::deque<FrameEvent> pending_;
  std::mutex write_mutex_;
};

// stdin/stdout through boost::asio::posix::stream_descriptor.
[[nodiscard]] std::unique_ptr<Transport> makeStdioTransport();
// Listens on 127.0.0.1:`port`, accepts one client. Null (and `error` set) on failure.
[[nodiscard]] std::unique_ptr<Transport> makeTcpTransport(unsigned short port, std::string& error);

// An in-memory transport for tests and embedding: the test pushes raw bytes
// in (including malformed frames) and inspects the framed messages the
// server wrote, decoded back into bodies.
class MemoryTransport : public FramedTransport {
 public:
  void push(std::string_view bytes);  // raw bytes, framed or not
  void pushMessage(std::string_view body) { push(frame(body)); }
  void close();                       // end of input: next() returns false
  // Bodies written so far (thread-safe copy).
  [[nodiscard]] std::vector<std::string> written();
  // Waits until some written body satisfies `pred`; returns it, or "" on timeout.
  [[nodiscard]] std::string waitFor(const std::function<bool(const std::string&)>& pred,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(5));

 protected:
  size_t readSome(char* buf, size_t size) override;
  bool writeAll(std::string_view bytes) override;

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::string input_;
  bool closed_ = false;
  FrameReader out_reader_;
  std::vector<std::string> out_;
};

}  // namespace molt::lsp
