import graphene
from graphene_django import DjangoObjectType
from graphql import GraphQLError
from graphql_jwt.decorators import login_required, user_passes_test

from placements.models import Placement

from .models import Client, Contact, JobOrder

manager_required = user_passes_test(lambda user: user.is_authenticated and user.is_manager)


class ContactType(DjangoObjectType):
    class Meta:
        model = Contact
        fields = ("id", "name", "email", "phone", "job_title", "is_primary")


class JobOrderType(DjangoObjectType):
    class Meta:
        model = JobOrder
        fields = ("id", "title", "description", "location", "salary_min", "salary_max", "status", "client")


class PlacementType(DjangoObjectType):
    class Meta:
        model = Placement
        fields = (
            "id",
            "candidate",
            "job_order",
            "recruiter",
            "stage",
            "salary",
            "fee_amount",
            "start_date",
            "created_at",
            "updated_at",
        )


class ClientType(DjangoObjectType):
    has_portal = graphene.Boolean()

    class Meta:
        model = Client
        fields = (
            "id",
            "name",
            "slug",
            "industry",
            "website",
            "tier",
            "fee_percentage",
            "account_manager",
            "contacts",
            "job_orders",
        )

    def resolve_has_portal(self, info):
        return bool(self.portal_password)


class Query(graphene.ObjectType):
    clients = graphene.List(graphene.NonNull(ClientType), mine=graphene.Boolean())
    client = graphene.Field(ClientType, slug=graphene.String(required=True))
    open_job_orders = graphene.List(graphene.NonNull(JobOrderType))
    placements = graphene.List(graphene.NonNull(PlacementType), stage=graphene.String())

    @login_required
    def resolve_clients(root, info, mine=False):
        qs = Client.objects.filter(is_active=True).select_related("account_manager")
        if mine:
            qs = qs.filter(account_manager=info.context.user)
        return qs

    @login_required
    def resolve_client(root, info, slug):
        return Client.objects.filter(slug=slug, is_active=True).first()

    @login_required
    def resolve_open_job_orders(root, info):
        return JobOrder.objects.filter(status=JobOrder.Status.OPEN).select_related("client")

    @login_required
    def resolve_placements(root, info, stage=None):
        qs = Placement.objects.select_related("candidate", "job_order__client", "recruiter")
        if stage:
            qs = qs.filter(stage=stage)
        if not info.context.user.is_manager:
            qs = qs.filter(recruiter=info.context.user)
        return qs


class MovePlacement(graphene.Mutation):
    class Arguments:
        id = graphene.ID(required=True)
        stage = graphene.String(required=True)

    placement = graphene.Field(PlacementType)

    @login_required
    def mutate(root, info, id, stage):
        if stage not in Placement.Stage.values:
            raise GraphQLError("Unknown stage.")
        placement = Placement.objects.filter(pk=id).first()
        if placement is None:
            raise GraphQLError("Placement not found.")
        placement.move_to(stage, changed_by=info.context.user)
        return MovePlacement(placement=placement)


class SetPortalPassword(graphene.Mutation):
    """Managers set the shared portal password they hand to the client's hiring team."""

    class Arguments:
        slug = graphene.String(required=True)
        password = graphene.String(required=True)

    ok = graphene.Boolean()

    @manager_required
    def mutate(root, info, slug, password):
        if len(password) < 12:
            raise GraphQLError("Portal passwords must be at least 12 characters.")
        client = Client.objects.filter(slug=slug).first()
        if client is None:
            raise GraphQLError("Client not found.")
        client.set_portal_password(password)
        client.save(update_fields=["portal_password"])
        return SetPortalPassword(ok=True)


class RotateFeedKey(graphene.Mutation):
    class Arguments:
        slug = graphene.String(required=True)

    feed_key = graphene.String()

    @manager_required
    def mutate(root, info, slug):
        client = Client.objects.filter(slug=slug).first()
        if client is None:
            raise GraphQLError("Client not found.")
        return RotateFeedKey(feed_key=client.rotate_feed_key())


class Mutation(graphene.ObjectType):
    move_placement = MovePlacement.Field()
    set_portal_password = SetPortalPassword.Field()
    rotate_feed_key = RotateFeedKey.Field()
