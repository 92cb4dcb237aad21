#!/usr/bin/env bash
# Tenantry on a local kind cluster, from a checkout. Needs: docker, kind (>= 0.24), kubectl, helm
# and a JDK 21+. Then open https://acme.tenants.localtest.me (self-signed certificate).
set -euo pipefail
cd "$(dirname "$0")/../.."

CLUSTER=tenantry
NAMESPACE=tenantry-system
INGRESS_NGINX=controller-v1.12.1
CERT_MANAGER=v1.17.2

echo "== cluster"
kind create cluster --name "$CLUSTER" --config deploy/kind/cluster.yaml

echo "== images (Jib, into the local Docker daemon) and onto the kind nodes"
VERSION=$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)
./mvnw -B -ntp -pl operator,control-plane,tenant-app -am package -DskipTests \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.group=tenantry
for image in tenantry-operator tenantry-control-plane tenant-app; do
  kind load docker-image --name "$CLUSTER" "tenantry/$image:$VERSION"
done

echo "== ingress-nginx and cert-manager"
kubectl apply -f "https://raw.githubusercontent.com/kubernetes/ingress-nginx/$INGRESS_NGINX/deploy/static/provider/kind/deploy.yaml"
kubectl apply -f "https://github.com/cert-manager/cert-manager/releases/download/$CERT_MANAGER/cert-manager.yaml"
kubectl -n ingress-nginx wait --for=condition=Available deployment/ingress-nginx-controller --timeout=5m
kubectl -n cert-manager wait --for=condition=Available deployment --all --timeout=5m
kubectl apply -f - <<'YAML'
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: tenantry-selfsigned
spec:
  selfSigned: {}
YAML

echo "== platform namespace, dev databases and Redis"
kubectl create namespace "$NAMESPACE"
kubectl label namespace "$NAMESPACE" pod-security.kubernetes.io/enforce=restricted
kubectl apply -f deploy/kind/dependencies.yaml
kubectl -n "$NAMESPACE" wait --for=condition=Available deployment --all --timeout=5m

echo "== Tenantry (the control plane generates the platform signing key at its first start)"
helm upgrade --install tenantry charts/tenantry --namespace "$NAMESPACE" \
  --values deploy/values-dev.yaml --wait --timeout 10m

echo "== a tenant"
kubectl apply -f deploy/examples/tenant-acme.yaml
kubectl wait --for=jsonpath='{.status.phase}'=Ready tenant/acme --timeout=10m
kubectl get tenants
