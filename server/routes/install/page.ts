// The install page shown in the portal's install slider. It loads the real b24jssdk (served from
// our origin) and calls installFinish(): on the wire `setInstallFinish` (b24jssdk.md §4.4).
// The SDK only sends it when getInitData says INSTALL=true; the portal then reloads the frame.

const TEXT: Record<string, { done: string; fail: string }> = {
  en: { done: 'b24-lending is installed. Finishing…', fail: 'Installation could not finish. Reopen the app.' },
  ru: { done: 'b24-lending установлен. Завершаем…', fail: 'Не удалось завершить установку. Откройте приложение заново.' },
  es: { done: 'b24-lending está instalado. Finalizando…', fail: 'No se pudo finalizar la instalación. Vuelva a abrir la aplicación.' },
};

export function installPage(lang: string): string {
  const t = TEXT[lang] ?? TEXT.en!;
  return `<!doctype html>
<html lang="${TEXT[lang] ? lang : 'en'}"><head><meta charset="utf-8"><title>b24-lending</title></head>
<body><p id="s">${t.done}</p>
<script src="/install/b24jssdk.js"></script>
<script>
B24Js.initializeB24Frame()
  .then(function (b24) { return b24.installFinish(); })
  .catch(function () { document.getElementById('s').textContent = ${JSON.stringify(t.fail)}; });
</script></body></html>`;
}
