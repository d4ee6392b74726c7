from rota import create_app

app = create_app()
