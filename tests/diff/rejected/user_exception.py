class AppError(Exception):
    pass


raise AppError("boom")
