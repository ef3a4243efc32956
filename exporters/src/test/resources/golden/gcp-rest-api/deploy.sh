#!/usr/bin/env bash
# Deploys REST API to Google Cloud Functions. Exported from Stratus.
#
#   PROJECT=my-project REGION=us-central1 ./deploy.sh
#
# Needs gcloud, logged in (gcloud auth login). It can run again: it creates what is missing
# and deploys every function anew.
set -euo pipefail

PROJECT="${PROJECT:-$(gcloud config get-value project 2>/dev/null || true)}"
REGION="${REGION:-us-central1}"
FIRESTORE_LOCATION="${FIRESTORE_LOCATION:-nam5}"

if [[ ! "$PROJECT" =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]]; then
  echo "deploy.sh: set PROJECT to your Google Cloud project id (it is '${PROJECT}')" >&2
  exit 1
fi
if [[ ! "$REGION" =~ ^[a-z]+-[a-z]+[0-9]+$ ]]; then
  echo "deploy.sh: set REGION to a Cloud Functions region such as us-central1 (it is '${REGION}')" >&2
  exit 1
fi

cd "$(dirname "$0")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A copy of a YAML file with __PROJECT__ and __REGION__ filled in; prints the copy's path.
render() {
  sed -e "s/__PROJECT__/${PROJECT}/g" -e "s/__REGION__/${REGION}/g" "$1" >"$WORK/$1"
  printf '%s\n' "$WORK/$1"
}

echo "Enabling the services in ${PROJECT} ..."
gcloud services enable --project="$PROJECT" \
  cloudfunctions.googleapis.com \
  cloudbuild.googleapis.com \
  artifactregistry.googleapis.com \
  logging.googleapis.com \
  firestore.googleapis.com \
  apigateway.googleapis.com \
  servicemanagement.googleapis.com \
  servicecontrol.googleapis.com

# Firestore (native mode) for the tables; each collection appears with its first document.
gcloud firestore databases describe --database='(default)' --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud firestore databases create --location="$FIRESTORE_LOCATION" --type=firestore-native --project="$PROJECT"

# list-items: HTTP GET /items through the API gateway 'items-api'
echo 'Deploying list-items ...'
ENV_LIST_ITEMS="$(render env-list-items.yaml)"
gcloud functions deploy list-items \
  --project="$PROJECT" \
  --region="$REGION" \
  --no-gen2 \
  --runtime=java21 \
  --entry-point=com.example.restapi.ListItems \
  --source=. \
  --memory=512MB \
  --timeout=10s \
  --env-vars-file="$ENV_LIST_ITEMS" \
  --trigger-http \
  --allow-unauthenticated

# get-item: HTTP GET /items/{id} through the API gateway 'items-api'
echo 'Deploying get-item ...'
ENV_GET_ITEM="$(render env-get-item.yaml)"
gcloud functions deploy get-item \
  --project="$PROJECT" \
  --region="$REGION" \
  --no-gen2 \
  --runtime=java21 \
  --entry-point=com.example.restapi.GetItem \
  --source=. \
  --memory=512MB \
  --timeout=10s \
  --env-vars-file="$ENV_GET_ITEM" \
  --trigger-http \
  --allow-unauthenticated

# create-item: HTTP POST /items through the API gateway 'items-api'
echo 'Deploying create-item ...'
ENV_CREATE_ITEM="$(render env-create-item.yaml)"
gcloud functions deploy create-item \
  --project="$PROJECT" \
  --region="$REGION" \
  --no-gen2 \
  --runtime=java21 \
  --entry-point=com.example.restapi.CreateItem \
  --source=. \
  --memory=512MB \
  --timeout=10s \
  --env-vars-file="$ENV_CREATE_ITEM" \
  --trigger-http \
  --allow-unauthenticated

# delete-item: HTTP DELETE /items/{id} through the API gateway 'items-api'
echo 'Deploying delete-item ...'
ENV_DELETE_ITEM="$(render env-delete-item.yaml)"
gcloud functions deploy delete-item \
  --project="$PROJECT" \
  --region="$REGION" \
  --no-gen2 \
  --runtime=java21 \
  --entry-point=com.example.restapi.DeleteItem \
  --source=. \
  --memory=512MB \
  --timeout=10s \
  --env-vars-file="$ENV_DELETE_ITEM" \
  --trigger-http \
  --allow-unauthenticated

# API Gateway items-api: routes in openapi.yaml
SPEC_ITEMS_API="$(render openapi.yaml)"
gcloud api-gateway apis describe items-api --project="$PROJECT" >/dev/null 2>&1 \
  || gcloud api-gateway apis create items-api --project="$PROJECT"
CONFIG_ITEMS_API=items-api-"$(date +%Y%m%d-%H%M%S)"
gcloud api-gateway api-configs create "$CONFIG_ITEMS_API" \
  --api=items-api \
  --openapi-spec="$SPEC_ITEMS_API" \
  --project="$PROJECT"
if gcloud api-gateway gateways describe items-api-gateway --location="$REGION" --project="$PROJECT" >/dev/null 2>&1; then
  GATEWAY_ACTION=update
else
  GATEWAY_ACTION=create
fi
gcloud api-gateway gateways "$GATEWAY_ACTION" items-api-gateway \
  --api=items-api \
  --api-config="$CONFIG_ITEMS_API" \
  --location="$REGION" \
  --project="$PROJECT"
echo "API Gateway items-api-gateway: https://$(gcloud api-gateway gateways describe items-api-gateway --location="$REGION" --project="$PROJECT" --format='value(defaultHostname)')"
# The functions behind it are public too (the design's gateway has no auth).

echo "Done."
