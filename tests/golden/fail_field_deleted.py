# Pins field-deleted: `del obj.field` on an instance of a class is reported at
# the deleted attribute, whether inside or outside the class.


class Download:
    def __init__(self, url: str) -> None:
        self.url = url
        self.body = ""

    def discard(self) -> None:
        del self.body  # warning: [field-deleted]


d = Download("https://example.com")
del d.url  # warning: [field-deleted]
d.body = ""
