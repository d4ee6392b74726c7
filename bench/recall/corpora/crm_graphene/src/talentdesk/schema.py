import graphene
import graphql_jwt
from graphene_django import DjangoObjectType

import candidates.schema
import clients.schema
from accounts.models import User


class UserType(DjangoObjectType):
    full_name = graphene.String()

    class Meta:
        model = User
        fields = ("id", "username", "email", "first_name", "last_name", "role", "phone")

    def resolve_full_name(self, info):
        return self.get_full_name()


class Query(candidates.schema.Query, clients.schema.Query, graphene.ObjectType):
    me = graphene.Field(UserType)
    recruiters = graphene.List(UserType)

    def resolve_me(root, info):
        user = info.context.user
        return user if user.is_authenticated else None

    def resolve_recruiters(root, info):
        user = info.context.user
        if not user.is_authenticated:
            return User.objects.none()
        return User.objects.filter(is_active=True).order_by("last_name", "first_name")


class Mutation(candidates.schema.Mutation, clients.schema.Mutation, graphene.ObjectType):
    token_auth = graphql_jwt.ObtainJSONWebToken.Field()
    verify_token = graphql_jwt.Verify.Field()
    refresh_token = graphql_jwt.Refresh.Field()
    revoke_token = graphql_jwt.Revoke.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)
