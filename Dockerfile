# The server image. Issue 7 (self-hosting) adds the SPA build stage, a health check and pre-generated handler code.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/QualCoder.Server/QualCoder.Server.csproj src/QualCoder.Server/packages.lock.json src/QualCoder.Server/
RUN dotnet restore src/QualCoder.Server --locked-mode
COPY src/ src/
RUN dotnet publish src/QualCoder.Server -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8765 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8765
ENTRYPOINT ["dotnet", "QualCoder.Server.dll"]
