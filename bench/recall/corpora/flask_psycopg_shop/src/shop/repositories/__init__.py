from .api_keys import ApiKeyRepository
from .gift_cards import GiftCardRepository
from .orders import OrderRepository
from .products import ProductRepository
from .reviews import ReviewRepository
from .users import UserRepository

__all__ = [
    "ApiKeyRepository",
    "GiftCardRepository",
    "OrderRepository",
    "ProductRepository",
    "ReviewRepository",
    "UserRepository",
]
