# An exception __init__ that never calls super().__init__: CPython still
# sets args from the constructor arguments (BaseException.__new__).
class CodeError(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


raise CodeError(3)
