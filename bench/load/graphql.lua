-- wrk: POST the map query (every resource of the municipality with location, kind and ties).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.body = os.getenv("GRAPHQL_BODY")
