class CodeError(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


raise CodeError(3)
