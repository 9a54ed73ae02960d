# Pins unknown-keyword-argument: reported at the keyword argument, which is
# not always on the line of the call.


def connect(host: str, port: int = 80) -> str:
    return f"{host}:{port}"


connect("example.org", prot=8080)  # error: [unknown-keyword-argument]
connect(
    host="example.org",
    timeout=5,  # error: [unknown-keyword-argument]
)
connect(host="example.org", port=8080)
