{{/* Names, labels and the restricted security contexts, defined once for every template. */}}

{{- define "tenantry.fullname" -}}
{{- if contains "tenantry" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-tenantry" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tenantry.operator.name" -}}{{ include "tenantry.fullname" . }}-operator{{- end -}}
{{- define "tenantry.operator.tenantStackRole" -}}{{ include "tenantry.fullname" . }}-tenant-stack{{- end -}}
{{- define "tenantry.controlPlane.name" -}}{{ include "tenantry.fullname" . }}-control-plane{{- end -}}

{{- define "tenantry.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: tenantry
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "tenantry.labels" -}}
{{ include "tenantry.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "operator"). */}}
{{- define "tenantry.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "tenantry.componentLabels" -}}
{{ include "tenantry.commonLabels" .root }}
{{ include "tenantry.selectorLabels" . }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* registry/repository of an image; call with (dict "root" $ "image" .Values.x.image). */}}
{{- define "tenantry.imageRepository" -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s" .root.Values.image.registry .image.repository -}}
{{- else -}}
{{- .image.repository -}}
{{- end -}}
{{- end -}}

{{/* registry/repository:tag, the tag defaulting to the chart's appVersion. */}}
{{- define "tenantry.image" -}}
{{- printf "%s:%s" (include "tenantry.imageRepository" .) (.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* Pod Security Standard "restricted", for every pod the chart runs. */}}
{{- define "tenantry.podSecurityContext" -}}
runAsNonRoot: true
# The UID of the Jib base image (UBI OpenJDK runtime); numeric so runAsNonRoot can be checked.
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "tenantry.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Name of the Secret holding the control plane's credentials. */}}
{{- define "tenantry.controlPlane.secretName" -}}
{{- .Values.controlPlane.existingSecret | default (include "tenantry.controlPlane.name" .) -}}
{{- end -}}

{{/* Secret with the shared server's admin password: the SRE's, or the chart's. */}}
{{- define "tenantry.operator.adminSecretName" -}}
{{- .Values.operator.database.sharedServer.adminPasswordSecret.name | default (printf "%s-db-admin" (include "tenantry.operator.name" .)) -}}
{{- end -}}

{{- define "tenantry.sharedServerNamespace" -}}
{{- .Values.operator.database.sharedServer.namespace | default .Release.Namespace -}}
{{- end -}}

{{- define "tenantry.cnpg" -}}
{{- if eq .Values.operator.database.mode "cloudnative-pg" }}true{{ end -}}
{{- end -}}

{{/* A label map as the operator's selector strings: k=v,k=v (sorted by key). */}}
{{- define "tenantry.selectorString" -}}
{{- $pairs := list -}}
{{- range $key, $value := . -}}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}

{{/* The cluster DNS pods, as a NetworkPolicy peer. */}}
{{- define "tenantry.dnsPeer" -}}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ .Values.operator.network.dnsNamespace }}
  podSelector:
    matchLabels:
      {{- toYaml .Values.operator.network.dnsPodSelector | nindent 6 }}
{{- end -}}

{{/*
A container's env: the chart's own variables ("own", rendered YAML), then the values' extraEnv.
Kubernetes keeps the last of two variables of one name, so an extraEnv entry could silently
replace what the chart sets (a database password's secretKeyRef, say): such a name is refused,
as is a name given twice.
*/}}
{{- define "tenantry.envWithExtra" -}}
{{- $own := fromYamlArray .own }}
{{- $names := list }}
{{- range $own }}{{- $names = append $names .name }}{{- end }}
{{- range .extra }}
{{- if has .name $names }}
{{- fail (printf "extraEnv: %s is already set (by the chart, or earlier in extraEnv); change the chart value behind it instead" .name) }}
{{- end }}
{{- $names = append $names .name }}
{{- end }}
{{- .own }}
{{- with .extra }}
{{ toYaml . }}
{{- end }}
{{- end }}
