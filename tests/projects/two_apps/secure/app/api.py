from flask import jsonify, request
from flask.views import MethodView


class ItemAPI(MethodView):
    def get(self, item_id):
        return jsonify({"id": item_id})

    def put(self, item_id):
        return jsonify({"id": item_id, **request.get_json()})
