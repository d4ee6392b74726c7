from setuptools import find_packages, setup

requires = [
    "alembic",
    "bcrypt",
    "bleach",
    "hupper",
    "ldap3",
    "limits[redis]",
    "Markdown",
    "MarkupSafe",
    "plaster_pastedeploy",
    "psycopg2-binary",
    "Pygments",
    "PyJWT",
    "pyramid>=2.0",
    "pyramid_chameleon",
    "pyramid_debugtoolbar",
    "pyramid_jinja2",
    "pyramid_retry",
    "pyramid_tm",
    "SQLAlchemy>=2.0",
    "transaction",
    "waitress",
    "zope.sqlalchemy",
]

tests_require = [
    "WebTest",
    "pytest>=7",
    "pytest-cov",
]

setup(
    name="pagebook",
    version="1.4.2",
    description="pagebook - the team wiki",
    classifiers=[
        "Programming Language :: Python :: 3.11",
        "Framework :: Pyramid",
        "Topic :: Internet :: WWW/HTTP :: WSGI :: Application",
    ],
    author="Platform Team",
    author_email="platform@example.com",
    packages=find_packages(),
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    extras_require={"testing": tests_require},
    install_requires=requires,
    entry_points={
        "paste.app_factory": [
            "main = pagebook:main",
        ],
        "console_scripts": [
            "pagebook-create-admin = pagebook.scripts.create_admin:main",
            "pagebook-reindex = pagebook.scripts.reindex:main",
            "pagebook-devserver = pagebook.scripts.devserver:main",
        ],
    },
)
