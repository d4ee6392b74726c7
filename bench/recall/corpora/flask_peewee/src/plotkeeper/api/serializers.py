def plot_to_dict(plot):
    return {
        "id": plot.id,
        "number": plot.number,
        "nickname": plot.nickname,
        "site": {"id": plot.site.id, "name": plot.site.name, "slug": plot.site.slug},
        "size_sqm": plot.size_sqm,
    }


def harvest_to_dict(entry):
    return {
        "id": entry.id,
        "crop": entry.crop,
        "weight_kg": float(entry.weight_kg),
        "harvested_on": entry.harvested_on.isoformat(),
    }


def notice_to_dict(post):
    return {
        "id": post.id,
        "title": post.title,
        "body": post.body,
        "pinned": post.pinned,
        "author": post.author.display_name,
        "created_at": post.created_at.isoformat(),
    }
