from photos import create_app

app = create_app()
