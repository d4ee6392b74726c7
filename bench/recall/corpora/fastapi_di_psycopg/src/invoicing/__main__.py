import uvicorn


def main() -> None:
    uvicorn.run("invoicing.main:app", host="0.0.0.0", port=8000, reload=True, proxy_headers=True)


if __name__ == "__main__":
    main()
