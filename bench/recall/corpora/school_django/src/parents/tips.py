STUDY_TIPS = [
    "Ask your child to teach you one thing they learned today.",
    "A regular bedtime helps more than extra revision the night before a test.",
    "Check the homework planner together on Sunday evening.",
    "Reading for twenty minutes a day adds up to over a million words a year.",
    "Praise effort and strategies, not just results.",
    "Keep phones out of the bedroom during exam weeks.",
]
