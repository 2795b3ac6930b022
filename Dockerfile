# The QualCoder Web image: `docker compose up` builds it (see docker-compose.yml and the README).
# Three stages, so the final image holds only the ASP.NET Core runtime, the published server and the built SPA:
# no SDK, no Node, no tests. tests/QualCoder.Server.Tests/Hosting/PublishedAppTests.cs publishes the server the
# same way and runs it with the compose file's environment, since no Docker engine runs in CI.

# ---- 1. the browser app (Vite) -----------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# ---- 2. the server, with its Wolverine handler code generated now -------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/QualCoder.Server/QualCoder.Server.csproj src/QualCoder.Server/packages.lock.json src/QualCoder.Server/
RUN dotnet restore src/QualCoder.Server --locked-mode
COPY src/ src/
# Build, let the built app write the code that calls each handler (`codegen write`: it reads the handlers, touches
# no database, and needs only a well-formed connection string), then publish with that code compiled in: the app
# loads it statically (Hosting/HandlerCode.cs). Every handler is covered, whoever added it, with no manual step.
RUN dotnet build src/QualCoder.Server -c Release --no-restore \
    && cd src/QualCoder.Server \
    && ConnectionStrings__Postgres="Host=codegen" dotnet bin/Release/net10.0/QualCoder.Server.dll codegen write \
    && cd /source \
    && dotnet publish src/QualCoder.Server -c Release --no-restore -p:PregeneratedHandlerCode=true -o /app

# ---- 3. what runs -------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
COPY --from=web /web/dist ./wwwroot
COPY infra/healthcheck.sh /usr/local/bin/qualcoder-healthcheck
ENV ASPNETCORE_HTTP_PORTS=8765 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8765
# The image's unprivileged "app" user: the server needs no root and writes nothing to disk.
USER $APP_UID
# The runtime image has no curl: the probe speaks HTTP from bash. Healthy once PostgreSQL answers (/health/ready).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "/usr/local/bin/qualcoder-healthcheck"]
ENTRYPOINT ["dotnet", "QualCoder.Server.dll"]
