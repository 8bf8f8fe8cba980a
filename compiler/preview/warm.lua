-- planc's warm pandoc: one long-lived `pandoc lua` process that reads Markdown and writes HTML
-- on request, so that the preview of `planc serve` pays no start-up per piece.
-- Each request is a line "read N" or "write N" followed by N bytes; each answer is "ok N" or
-- "error N" followed by N bytes. `read` takes planc's Markdown and answers pandoc's JSON AST;
-- `write` takes a JSON list of JSON ASTs (already through planc's gate) and answers the JSON
-- list of their HTML fragments.
local reader = arg[1]
io.stdout:setvbuf('full')

local function answer(status, text)
  io.stdout:write(status, ' ', #text, '\n', text)
  io.stdout:flush()
end

local handlers = {
  -- An empty list of files: the reader may read nothing from the disk (pandoc's sandbox). The reader
  -- is a build's (outputs/commonmark.py), which prepares the Markdown and restores the tables.
  read = function(text) return pandoc.write(pandoc.read(text, reader, {}, {}), 'json') end,
  -- Headings numbered as in a build: each piece says, in its metadata, the numbers before it.
  write = function(text)
    local fragments = {}
    for number, ast in ipairs(pandoc.json.decode(text, false)) do
      local doc = pandoc.read(ast, 'json')
      local offset = {}
      for index, value in ipairs(doc.meta['planc-number-offset'] or {}) do
        offset[index] = tonumber(pandoc.utils.stringify(value))
      end
      local options = pandoc.WriterOptions({ section_divs = true, number_sections = true, number_offset = offset })
      fragments[number] = pandoc.write(pandoc.Pandoc(doc.blocks), 'html5', options)
    end
    return pandoc.json.encode(fragments)
  end,
}

while true do
  local header = io.read('l')
  if header == nil then break end
  local operation, size = header:match('^(%a+) (%d+)$')
  local handler = handlers[operation]
  local payload = size and io.read(tonumber(size)) or ''
  if handler == nil then
    answer('error', 'unknown request: ' .. header)
  else
    local ok, result = pcall(handler, payload)
    answer(ok and 'ok' or 'error', ok and result or tostring(result))
  end
end
