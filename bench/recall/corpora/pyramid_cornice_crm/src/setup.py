import os

from setuptools import find_packages, setup

here = os.path.abspath(os.path.dirname(__file__))

requires = [
    "alembic",
    "bcrypt",
    "bleach",
    "colander",
    "cornice>=6.0",
    "markdown",
    "markupsafe",
    "passlib",
    "plaster_pastedeploy",
    "psycopg2-binary",
    "pyjwt>=2.8",
    "pyramid>=2.0",
    "pyramid_debugtoolbar",
    "pyramid_jinja2",
    "pyramid_mailer",
    "pyramid_retry",
    "pyramid_tm",
    "redis",
    "SQLAlchemy>=2.0",
    "stripe",
    "transaction",
    "waitress",
    "zope.sqlalchemy",
]

tests_require = [
    "WebTest",
    "pytest>=7",
    "pytest-cov",
    "fakeredis",
]

setup(
    name="crm",
    version="1.4.2",
    description="Acme CRM: customer records, notes, customer portal and mobile API",
    classifiers=[
        "Programming Language :: Python",
        "Framework :: Pyramid",
        "Topic :: Internet :: WWW/HTTP",
        "Topic :: Internet :: WWW/HTTP :: WSGI :: Application",
    ],
    author="Acme Sales Engineering",
    url="https://git.example-crm.com/platform/crm",
    packages=find_packages(exclude=["tests"]),
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.10",
    extras_require={"testing": tests_require},
    install_requires=requires,
    entry_points={
        "paste.app_factory": [
            "main = crm:main",
        ],
        "console_scripts": [
            "crm_initialize_db = crm.scripts.initialize_db:main",
            "crm_import_csv = crm.scripts.import_csv:main",
        ],
    },
)
