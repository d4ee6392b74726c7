"""Mixed doubles for the Friday social: random partners every week."""
import random


def social_doubles(players, courts):
    """Split the checked-in players into pairs and hand out courts."""
    pool = list(players)
    random.shuffle(pool)
    pairs = [pool[i:i + 2] for i in range(0, len(pool) - 1, 2)]
    sitting_out = pool[-1:] if len(pool) % 2 else []
    matches = []
    for index in range(0, len(pairs) - 1, 2):
        court = courts[(index // 2) % len(courts)]
        matches.append({"court": court, "home": pairs[index], "away": pairs[index + 1]})
    return matches, sitting_out
