// A stand-in for an OpenAI-compatible chat-completions service, for the LLM spec only (no
// packages: Node's http). Each quotation the request asks about (the keys its JSON schema
// requires) is answered with the cast id whose name follows it in the text ("…|/Q01| said
// Holmes" → holmes), else "unresolved". Every answer waits STUDIO_E2E_LLM_DELAY_MS (default 600)
// so the page's progress is visible; a chunk whose text holds HOLD-THE-ANSWER is not answered
// until the client goes away (the cancel test).
import http from 'node:http';

const port = Number(process.env.STUDIO_E2E_LLM_STUB_PORT ?? 3161);
const delay = Number(process.env.STUDIO_E2E_LLM_DELAY_MS ?? 600);

function answer(body) {
  const schema = body?.response_format?.json_schema?.schema ?? {};
  const keys = schema.required ?? [];
  const ids = (schema.$defs?.speaker?.enum ?? []).filter((id) => id !== 'unresolved' && id !== 'narrator');
  const user = String(body?.messages?.[1]?.content ?? '');
  const speakers = {};
  for (const key of keys) {
    const end = user.indexOf(`|/${key}|`);
    const after = end < 0 ? '' : user.slice(end, end + 60).toLowerCase();
    speakers[key] = ids.find((id) => after.includes(id)) ?? 'unresolved';
  }
  return {
    id: 'chatcmpl-e2e', object: 'chat.completion', created: 0, model: body?.model ?? 'stub',
    choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(speakers), refusal: null }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 },
  };
}

http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.end('ok');
    return;
  }
  let raw = '';
  request.setEncoding('utf8');
  request.on('data', (part) => { raw += part; });
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'the body is not JSON' } }));
      return;
    }
    if (!request.url.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `no route ${request.url}` } }));
      return;
    }
    if (String(body?.messages?.[1]?.content ?? '').includes('HOLD-THE-ANSWER')) {
      return; // never answered; the studio's cancellation closes the connection
    }
    const timer = setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer(body)));
    }, delay);
    response.on('close', () => clearTimeout(timer));
  });
}).listen(port, '127.0.0.1');
