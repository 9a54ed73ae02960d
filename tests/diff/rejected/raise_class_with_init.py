# `raise Cls` calls Cls(); with a user __init__ that call is not compiled
# yet, so the program is refused rather than skipping __init__.
class Fatal(Exception):
    def __init__(self) -> None:
        super().__init__("fatal")
        self.level = 3


try:
    raise Fatal
except Fatal as e:
    print(e.level)
