"""Operator commands: `coworkly create-admin`, `coworkly reset-password`, `coworkly deactivate`."""
import asyncio

import typer
from rich.console import Console

from app.core.security import hash_password
from app.db import async_session_maker
from app.models import User
from app.repositories import users as users_repo

app = typer.Typer(no_args_is_help=True, help="Coworkly admin tools")
console = Console()


async def _create_admin(email: str, full_name: str, password: str) -> None:
    async with async_session_maker() as session:
        if await users_repo.get_by_email(session, email):
            console.print(f"[red]{email} already exists[/red]")
            raise typer.Exit(code=1)
        user = User(
            email=email.lower(),
            full_name=full_name,
            hashed_password=hash_password(password),
            role="admin",
            email_verified=True,
        )
        await users_repo.add(session, user)
        console.print(f"[green]created admin {user.email} (id={user.id})[/green]")


async def _set_password(email: str, password: str) -> None:
    async with async_session_maker() as session:
        user = await users_repo.get_by_email(session, email)
        if user is None:
            console.print(f"[red]no user {email}[/red]")
            raise typer.Exit(code=1)
        user.hashed_password = hash_password(password)
        user.password_version += 1
        session.add(user)
        await session.commit()
        console.print(f"password updated for {email}; existing sessions are revoked")


async def _deactivate(email: str) -> None:
    async with async_session_maker() as session:
        user = await users_repo.get_by_email(session, email)
        if user is None:
            raise typer.Exit(code=1)
        user.is_active = False
        user.password_version += 1
        session.add(user)
        await session.commit()


@app.command("create-admin")
def create_admin(
    email: str,
    full_name: str = typer.Option(..., "--name"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    asyncio.run(_create_admin(email, full_name, password))


@app.command("reset-password")
def reset_password(
    email: str,
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    asyncio.run(_set_password(email, password))


@app.command()
def deactivate(email: str) -> None:
    asyncio.run(_deactivate(email))
    console.print(f"{email} deactivated")


if __name__ == "__main__":
    app()
