import secrets

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Project, ProjectMember, Role, User
from app.models.project import ProjectCreate, ProjectUpdate
from app.utils.ids import short_id, slugify

ROLE_RANK = {Role.viewer: 0, Role.admin: 1, Role.owner: 2}


async def projects_for_user(session: AsyncSession, user: User) -> list[Project]:
    if user.is_superuser:
        result = await session.exec(select(Project).order_by(Project.name))
        return list(result.all())
    stmt = (
        select(Project)
        .join(ProjectMember, ProjectMember.project_id == Project.id)
        .where(ProjectMember.user_id == user.id)
        .order_by(Project.name)
    )
    result = await session.exec(stmt)
    return list(result.all())


async def membership(session: AsyncSession, project_id: int, user: User) -> ProjectMember | None:
    stmt = select(ProjectMember).where(
        ProjectMember.project_id == project_id, ProjectMember.user_id == user.id
    )
    return (await session.exec(stmt)).first()


def has_role(member: ProjectMember | None, minimum: Role) -> bool:
    return member is not None and ROLE_RANK[member.role] >= ROLE_RANK[minimum]


async def create_project(session: AsyncSession, data: ProjectCreate, owner: User) -> Project:
    slug = slugify(data.name)
    if (await session.exec(select(Project).where(Project.slug == slug))).first():
        slug = f"{slug}-{short_id(4)}"
    project = Project.model_validate(data, update={"slug": slug})
    session.add(project)
    await session.flush()
    session.add(ProjectMember(project_id=project.id, user_id=owner.id, role=Role.owner))
    await session.commit()
    await session.refresh(project)
    return project


async def update_project(session: AsyncSession, project: Project, data: ProjectUpdate) -> Project:
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(project, field, value)
    session.add(project)
    await session.commit()
    await session.refresh(project)
    return project


async def rotate_share_link(session: AsyncSession, project: Project) -> str:
    project.share_slug = secrets.token_urlsafe(16)
    session.add(project)
    await session.commit()
    return project.share_slug


async def disable_share_link(session: AsyncSession, project: Project) -> None:
    project.share_slug = None
    session.add(project)
    await session.commit()


async def get_by_share_slug(session: AsyncSession, share_slug: str) -> Project | None:
    stmt = select(Project).where(Project.share_slug == share_slug)
    return (await session.exec(stmt)).first()
