import graphene
from graphene import relay
from graphene_django import DjangoObjectType
from graphene_django.filter import DjangoFilterConnectionField
from graphene_django.forms.mutation import DjangoModelFormMutation
from graphql import GraphQLError
from graphql_jwt.decorators import login_required

from .filters import CandidateFilter
from .forms import CandidateForm
from .models import Candidate, CandidateNote, Skill


class SkillType(DjangoObjectType):
    class Meta:
        model = Skill
        fields = ("id", "name", "slug")


class CandidateNoteType(DjangoObjectType):
    author_name = graphene.String()

    class Meta:
        model = CandidateNote
        fields = ("id", "source", "body", "created_at")

    def resolve_author_name(self, info):
        return self.author.get_full_name() if self.author_id else "Client"


class CandidateType(DjangoObjectType):
    full_name = graphene.String()

    class Meta:
        model = Candidate
        interfaces = (relay.Node,)
        filterset_class = CandidateFilter
        fields = (
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "city",
            "headline",
            "skills",
            "years_experience",
            "desired_salary",
            "status",
            "source",
            "owner",
            "notes",
            "created_at",
            "updated_at",
        )

    @classmethod
    def get_queryset(cls, queryset, info):
        if not info.context.user.is_authenticated:
            return queryset.none()
        return queryset.filter(is_archived=False)

    def resolve_full_name(self, info):
        return self.full_name


class Query(graphene.ObjectType):
    candidate = relay.Node.Field(CandidateType)
    candidates = DjangoFilterConnectionField(CandidateType)
    candidates_by_skill = graphene.List(
        graphene.NonNull(CandidateType),
        skill=graphene.String(required=True),
        city=graphene.String(),
    )
    skills = graphene.List(graphene.NonNull(SkillType))

    @login_required
    def resolve_candidates(root, info, **kwargs):
        return Candidate.objects.active().select_related("owner")

    @login_required
    def resolve_candidates_by_skill(root, info, skill, city=None):
        skill = skill.strip()
        if len(skill) < 2:
            raise GraphQLError("Search for at least two characters.")
        return list(Candidate.objects.search_by_skill(skill, city=city))

    @login_required
    def resolve_skills(root, info):
        return Skill.objects.all()


class CandidateFormMutation(DjangoModelFormMutation):
    candidate = graphene.Field(CandidateType)

    class Meta:
        form_class = CandidateForm
        exclude_fields = ("cv",)

    @classmethod
    @login_required
    def mutate_and_get_payload(cls, root, info, **input):
        return super().mutate_and_get_payload(root, info, **input)

    @classmethod
    def perform_mutate(cls, form, info):
        if not form.instance.pk:
            form.instance.owner = info.context.user
        return super().perform_mutate(form, info)


class UpdateCandidateStatus(graphene.Mutation):
    class Arguments:
        id = graphene.ID(required=True)
        status = graphene.String(required=True)

    candidate = graphene.Field(CandidateType)

    @login_required
    def mutate(root, info, id, status):
        if status not in Candidate.Status.values:
            raise GraphQLError(f"Unknown status. Expected one of: {', '.join(Candidate.Status.values)}")
        _, pk = relay.Node.from_global_id(id)
        candidate = Candidate.objects.filter(pk=pk, is_archived=False).first()
        if candidate is None:
            raise GraphQLError("Candidate not found.")
        candidate.status = status
        candidate.save(update_fields=["status", "updated_at"])
        return UpdateCandidateStatus(candidate=candidate)


class Mutation(graphene.ObjectType):
    save_candidate = CandidateFormMutation.Field()
    update_candidate_status = UpdateCandidateStatus.Field()
