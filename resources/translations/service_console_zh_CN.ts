<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditWindow</name>
    <message>
        <source>(values removed: customer erased)</source>
        <translation>（数据已移除：客户资料已清除）</translation>
    </message>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>update</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>erase</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>sign in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>consent record</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Reply promised by</source>
        <translation>承诺答复时间</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address as</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Greetings consent</source>
        <translation>接收问候</translation>
    </message>
    <message>
        <source>Offers consent</source>
        <translation>接收优惠</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Romanisation</source>
        <translation>拼音/罗马字</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>Dislikes</source>
        <translation>不喜欢的东西</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>需避免的话题</translation>
    </message>
    <message>
        <source>Occasions</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>分机</translation>
    </message>
    <message>
        <source>Call queues</source>
        <translation>来电队列</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>phrasebook</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户（批量）</translation>
    </message>
    <message>
        <source>complaint report</source>
        <translation>投诉报表</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Fields (before → after)</source>
        <translation>字段（修改前 → 修改后）</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>任何操作</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>any record</source>
        <translation>任何记录</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation>显示记录</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>操作人(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit entries</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Complaints by cause</source>
        <translation>按原因统计的投诉</translation>
    </message>
    <message>
        <source>no complaints</source>
        <translation>无投诉</translation>
    </message>
    <message>
        <source>Number of complaints</source>
        <translation>投诉数量</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理投诉数</translation>
    </message>
    <message>
        <source>No complaints</source>
        <translation>暂无投诉</translation>
    </message>
</context>
<context>
    <name>CallDesk</name>
    <message>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Calls and call-backs</source>
        <translation>来电与回拨</translation>
    </message>
    <message>
        <source>Phone link status</source>
        <translation>电话系统连接状态</translation>
    </message>
    <message>
        <source>Calls: %1</source>
        <translation>来电：%1</translation>
    </message>
    <message>
        <source>Show calls</source>
        <translation>显示来电</translation>
    </message>
    <message>
        <source>Show the calls and call-backs</source>
        <translation>显示来电和回拨</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>来电队列</translation>
    </message>
    <message>
        <source>The picked call</source>
        <translation>选中的来电</translation>
    </message>
    <message>
        <source>Pick a call in the queue (Ctrl+J, then ↑/↓ and Enter).</source>
        <translation>请在队列中选择来电（Ctrl+J，然后按 ↑/↓ 和 Enter）。</translation>
    </message>
    <message>
        <source>No call picked</source>
        <translation>未选择来电</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Probable match (same last digits): check the name before you use it.</source>
        <translation>可能匹配（尾号相同）：称呼客户前请先核对姓名。</translation>
    </message>
    <message>
        <source>Probable match warning</source>
        <translation>可能匹配提示</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>问候语</translation>
    </message>
    <message>
        <source>About the caller</source>
        <translation>来电人信息</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>打开档案(&amp;O)</translation>
    </message>
    <message>
        <source>Open the caller&apos;s profile</source>
        <translation>打开来电人的档案</translation>
    </message>
    <message>
        <source>Co&amp;mplaint (%1)</source>
        <translation>投诉(&amp;M) (%1)</translation>
    </message>
    <message>
        <source>Start a complaint for this caller</source>
        <translation>为此来电人登记投诉</translation>
    </message>
    <message>
        <source>Dismiss this call card</source>
        <translation>关闭此来电卡片</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>来电人是谁</translation>
    </message>
    <message>
        <source>Customers with this number</source>
        <translation>使用此号码的客户</translation>
    </message>
    <message>
        <source>&amp;This is the caller</source>
        <translation>就是此来电人(&amp;T)</translation>
    </message>
    <message>
        <source>This is the caller</source>
        <translation>就是此来电人</translation>
    </message>
    <message>
        <source>New caller</source>
        <translation>新来电人</translation>
    </message>
    <message>
        <source>Create pro&amp;file</source>
        <translation>新建档案(&amp;F)</translation>
    </message>
    <message>
        <source>Create a profile with this number</source>
        <translation>用此号码新建客户档案</translation>
    </message>
    <message>
        <source>Find a customer to attach the number to</source>
        <translation>查找要关联此号码的客户</translation>
    </message>
    <message>
        <source>…or attach the number to: name, phone, member no.</source>
        <translation>…或将号码关联到：姓名、电话、会员号</translation>
    </message>
    <message>
        <source>Customers to attach the number to</source>
        <translation>可关联此号码的客户</translation>
    </message>
    <message>
        <source>&amp;Attach number</source>
        <translation>关联号码(&amp;A)</translation>
    </message>
    <message>
        <source>Attach the number to the selected customer</source>
        <translation>将号码关联到所选客户</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <source>Missed calls to return</source>
        <translation>待回拨的未接来电</translation>
    </message>
    <message>
        <source>Called &amp;back</source>
        <translation>已回拨(&amp;B)</translation>
    </message>
    <message>
        <source>Mark as called back</source>
        <translation>标记为已回拨</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call back.</source>
        <translation>暂无需要回拨的客户。</translation>
    </message>
    <message>
        <source>Call-back list status</source>
        <translation>回拨列表状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Calls columns</source>
        <translation>来电记录列</translation>
    </message>
    <message>
        <source>Calls rows</source>
        <translation>来电记录行</translation>
    </message>
    <message>
        <source>Complaint from the &amp;caller</source>
        <translation>来电人投诉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>来电(&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the phone-system &amp;URL</source>
        <translation>复制电话系统网址(&amp;U)</translation>
    </message>
    <message>
        <source>Phone pop-ups on</source>
        <translation>来电弹屏已开启</translation>
    </message>
    <message>
        <source>Listening for calls on %1</source>
        <translation>正在 %1 上接收来电</translation>
    </message>
    <message>
        <source>Phone link off: %1</source>
        <translation>电话系统未连接：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in the queue</source>
        <translation>
            <numerusform>队列中有 %n 个来电</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls yet. Waiting for the phone system…</source>
        <translation>暂无来电，正在等待电话系统…</translation>
    </message>
    <message>
        <source>Phone-system URL copied (keep it secret).</source>
        <translation>已复制电话系统网址（请勿外传）。</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客户 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) share this number</source>
        <translation>
            <numerusform>%n 位客户使用此号码</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>正在加载档案…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) have %1. Who is calling?</source>
        <translation>
            <numerusform>%n 位客户使用 %1。来电人是哪位？</numerusform>
        </translation>
    </message>
    <message>
        <source>New caller · %1</source>
        <translation>新来电人 · %1</translation>
    </message>
    <message>
        <source>(not a usable number)</source>
        <translation>（号码不可用）</translation>
    </message>
    <message>
        <source>&amp;Dismiss card</source>
        <translation>关闭卡片(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>关闭(&amp;D)</translation>
    </message>
    <message>
        <source>Last visit %1 (%2)</source>
        <translation>上次光临：%1（%2）</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>尚未光临</translation>
    </message>
    <message>
        <source>Last purchase %1: %2</source>
        <translation>上次购买 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Calls (%n)</source>
        <translation>
            <numerusform>来电（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a call from a known customer first.</source>
        <translation>请先选择一个已知客户的来电。</translation>
    </message>
    <message>
        <source>Complaints are not available in this version yet.</source>
        <translation>此版本暂不支持投诉功能。</translation>
    </message>
    <message>
        <source>no member no.</source>
        <translation>无会员号</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>未接 %1</translation>
    </message>
    <message numerus="yes">
        <source>Call back (%n)</source>
        <translation>
            <numerusform>回拨（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <source>ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>probable match</source>
        <translation>可能匹配</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有可兑换奖励——请告知客户</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次光临</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>需避免的话题</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>missed just now</source>
        <translation>刚刚未接</translation>
    </message>
    <message numerus="yes">
        <source>missed %n min ago</source>
        <translation>
            <numerusform>%n分钟前未接</numerusform>
        </translation>
    </message>
    <message>
        <source>missed at %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>ringing %1</source>
        <translation>振铃中 %1</translation>
    </message>
    <message>
        <source>talking %1 · %2</source>
        <translation>通话中 %1 · %2</translation>
    </message>
    <message>
        <source>talking %1</source>
        <translation>通话中 %1</translation>
    </message>
    <message>
        <source>ended · %1</source>
        <translation>已结束 · %1</translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚未光临</translation>
    </message>
    <message>
        <source>last visit %1</source>
        <translation>上次光临 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>光临%n次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckedTextEdit</name>
    <message>
        <source>Must change</source>
        <translation>必须修改</translation>
    </message>
    <message>
        <source>Check the wording</source>
        <translation>请检查措辞</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>cannot be sent to a customer</source>
        <translation>不能发给客户</translation>
    </message>
    <message>
        <source>needs your confirmation before sending</source>
        <translation>发送前需要您确认</translation>
    </message>
    <message>
        <source>a better way to say it</source>
        <translation>有更好的说法</translation>
    </message>
    <message>
        <source>{severity}: {phrase} {effect}</source>
        <translation>{severity}：{phrase}{effect}</translation>
    </message>
    <message>
        <source>{phrase} {effect}.</source>
        <translation>{phrase}{effect}。</translation>
    </message>
    <message>
        <source>Say instead:</source>
        <translation>建议改说：</translation>
    </message>
    <message>
        <source>{keys} or right-click to replace.</source>
        <translation>按 {keys} 或右键单击进行替换。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Fix wording…</source>
        <translation>修改措辞…</translation>
    </message>
    <message>
        <source>Insert approved phrase…</source>
        <translation>插入规范用语…</translation>
    </message>
    <message>
        <source>Fix wording</source>
        <translation>修改措辞</translation>
    </message>
    <message>
        <source>No flagged wording before the cursor.</source>
        <translation>光标前没有被标记的措辞。</translation>
    </message>
    <message numerus="yes">
        <source>Change these %n phrase(s) before you {action}:</source>
        <translation>
            <numerusform>{action}前请修改这 %n 处用语：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please check these %n phrase(s) before you {action}:</source>
        <translation>
            <numerusform>{action}前请检查这 %n 处用语：</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace with {phrase}</source>
        <translation>替换为{phrase}</translation>
    </message>
    <message numerus="yes">
        <source>%n must change</source>
        <translation>
            <numerusform>%n 处必须修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n 处需检查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggested</source>
        <translation>
            <numerusform>%n 处建议修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Wording: {counts}.</source>
        <translation>措辞：{counts}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No flagged wording.</source>
        <translation>没有被标记的措辞。</translation>
    </message>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <source>Send anyway, as written</source>
        <translation>仍按原文发送</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Save anyway, as written</source>
        <translation>仍按原文保存</translation>
    </message>
    <message>
        <source>Send the text as it is?</source>
        <translation>按原文发送吗？</translation>
    </message>
    <message>
        <source>Save the text as it is?</source>
        <translation>按原文保存吗？</translation>
    </message>
    <message>
        <source>Say instead: {phrase}</source>
        <translation>建议改说：{phrase}</translation>
    </message>
    <message>
        <source>Change {phrase} before you {action}:</source>
        <translation>{action}前请修改{phrase}：</translation>
    </message>
    <message>
        <source>Change the wording first</source>
        <translation>请先修改措辞</translation>
    </message>
    <message>
        <source>Fix: replace with {phrase}</source>
        <translation>修改：替换为{phrase}</translation>
    </message>
    <message>
        <source>Fix all: use the suggested wording</source>
        <translation>全部修改：使用建议的措辞</translation>
    </message>
    <message>
        <source>Please check this phrase before you {action}:</source>
        <translation>{action}前请检查这处用语：</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back and edit</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>ComplaintCsv</name>
    <message>
        <source>complaint_id</source>
        <extracomment>The CSV&apos;s column titles (translated when written: the managers read them; the rows are data and stay as recorded).</extracomment>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>received_at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>category</source>
        <translation>原因类别</translation>
    </message>
    <message>
        <source>sub_cause</source>
        <translation>具体原因</translation>
    </message>
    <message>
        <source>responsibility</source>
        <translation>责任归属</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>wording_that_went_wrong</source>
        <translation>不当用语</translation>
    </message>
</context>
<context>
    <name>ComplaintFeatures</name>
    <message>
        <source>Complaint #{id} ({who}) needs a reply time.</source>
        <translation>投诉 #{id}（{who}）还没有设定回复时间。</translation>
    </message>
    <message>
        <source>Promise overdue: {who} — {countdown} (#{id})</source>
        <translation>承诺已超时：{who} — {countdown}（#{id}）</translation>
    </message>
    <message>
        <source>Reply due soon: {who} — {countdown} (#{id})</source>
        <translation>即将到回复时间：{who} — {countdown}（#{id}）</translation>
    </message>
    <message>
        <source>Start &amp;complaint for this customer…</source>
        <translation>为此客户登记投诉(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Walk-in / unknown caller complaint…</source>
        <translation>到店/未知来电人投诉(&amp;W)…</translation>
    </message>
    <message>
        <source>Complaint &amp;queues</source>
        <translation>投诉队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Complaint &amp;report…</source>
        <translation>投诉报表(&amp;R)…</translation>
    </message>
    <message>
        <source>Complaint notifications</source>
        <translation>投诉提醒</translation>
    </message>
    <message>
        <source>Service Console — complaints</source>
        <translation>服务台 — 投诉</translation>
    </message>
    <message>
        <source>Open a customer first, or press Ctrl+Shift+W for a walk-in complaint.</source>
        <translation>请先打开一位客户，或按 Ctrl+Shift+W 登记到店投诉。</translation>
    </message>
    <message>
        <source>Complaint #{id} saved.</source>
        <translation>投诉 #{id} 已保存。</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…还有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the queue (Ctrl+Shift+O)</source>
        <translation>打开队列（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Complaint reply due</source>
        <translation>投诉回复到期</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Who, where and when</source>
        <translation>客户、地点和时间</translation>
    </message>
    <message>
        <source>1 · What happened — in the customer&apos;s words</source>
        <translation>1 · 事情经过 — 客户原话</translation>
    </message>
    <message>
        <source>2 · Our understanding, restated</source>
        <translation>2 · 我们的理解（复述确认）</translation>
    </message>
    <message>
        <source>3 · How the customer feels</source>
        <translation>3 · 客户情绪</translation>
    </message>
    <message>
        <source>4 · Apology given</source>
        <translation>4 · 已致歉</translation>
    </message>
    <message>
        <source>5 · What the customer wants</source>
        <translation>5 · 客户诉求</translation>
    </message>
    <message>
        <source>6 · Options offered, the one chosen, compensation</source>
        <translation>6 · 提供的方案、客户所选方案、补偿</translation>
    </message>
    <message>
        <source>7 · Cause and responsibility</source>
        <translation>7 · 原因与责任</translation>
    </message>
    <message>
        <source>Reply to the customer and the promise</source>
        <translation>给客户的答复与承诺</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;name:</source>
        <translation>来电人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Con&amp;tact:</source>
        <translation>联系方式(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>St&amp;ore:</source>
        <translation>门店(&amp;O)：</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>受理人(&amp;G)：</translation>
    </message>
    <message>
        <source>Recei&amp;ved:</source>
        <translation>受理时间(&amp;V)：</translation>
    </message>
    <message>
        <source>E&amp;motion:</source>
        <translation>情绪(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Wants:</source>
        <translation>诉求(&amp;W)：</translation>
    </message>
    <message>
        <source>O&amp;ffered:</source>
        <translation>提供方案(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Chosen:</source>
        <translation>所选方案(&amp;C)：</translation>
    </message>
    <message>
        <source>Compensation:</source>
        <translation>补偿：</translation>
    </message>
    <message>
        <source>Ca&amp;use:</source>
        <translation>原因(&amp;U)：</translation>
    </message>
    <message>
        <source>Responsi&amp;bility:</source>
        <translation>责任(&amp;B)：</translation>
    </message>
    <message>
        <source>Word&amp;ing that went wrong:</source>
        <translation>不当用语(&amp;I)：</translation>
    </message>
    <message>
        <source>We will &amp;reply by:</source>
        <translation>承诺回复时间(&amp;R)：</translation>
    </message>
    <message>
        <source>Linked customer</source>
        <translation>关联客户</translation>
    </message>
    <message>
        <source>Caller&apos;s name</source>
        <translation>来电人姓名</translation>
    </message>
    <message>
        <source>Walk-in or unknown caller</source>
        <translation>到店客人或未知来电人</translation>
    </message>
    <message>
        <source>Caller&apos;s contact</source>
        <translation>来电人联系方式</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>电话或邮箱</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Agent taking the complaint</source>
        <translation>受理投诉的员工</translation>
    </message>
    <message>
        <source>Time received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>What happened, in the customer&apos;s words</source>
        <translation>事情经过（客户原话）</translation>
    </message>
    <message>
        <source>Let them finish; note the key points as they talk.</source>
        <translation>让客户说完；边听边记下要点。</translation>
    </message>
    <message>
        <source>Our understanding, restated</source>
        <translation>我们的理解（复述确认）</translation>
    </message>
    <message>
        <source>“Let me check I understood: … Did I understand you correctly?”</source>
        <translation>“我确认一下我的理解：……我理解得对吗？”</translation>
    </message>
    <message>
        <source>Confirmed with the customer</source>
        <translation>已与客户确认</translation>
    </message>
    <message>
        <source>Understanding confirmed with the customer</source>
        <translation>理解已与客户确认</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>&amp;Empathy phrases…</source>
        <translation>共情话术(&amp;E)…</translation>
    </message>
    <message>
        <source>Empathy phrases</source>
        <translation>共情话术</translation>
    </message>
    <message>
        <source>Approved empathy phrases; the one chosen goes into step 4</source>
        <translation>经审核的共情话术；选中的一句会填入第 4 步</translation>
    </message>
    <message>
        <source>Apology given</source>
        <translation>已致歉</translation>
    </message>
    <message>
        <source>Sincere, even before responsibility is clear: “I&apos;m sorry for the inconvenience.”  (Ctrl+Shift+Space: approved phrases)</source>
        <translation>即使责任未明，也要真诚致歉：“给您带来不便，非常抱歉。”（Ctrl+Shift+空格：标准话术）</translation>
    </message>
    <message>
        <source>Apology &amp;phrases…</source>
        <translation>致歉话术(&amp;P)…</translation>
    </message>
    <message>
        <source>Apology phrases</source>
        <translation>致歉话术</translation>
    </message>
    <message>
        <source>What the customer wants</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>尚未询问</translation>
    </message>
    <message>
        <source>What the customer wants, in detail</source>
        <translation>客户诉求详情</translation>
    </message>
    <message>
        <source>“What would you like me to do?”</source>
        <translation>“您希望我们怎么处理？”</translation>
    </message>
    <message>
        <source>Options offered, one per line</source>
        <translation>提供的方案，每行一个</translation>
    </message>
    <message>
        <source>One per line: replacement today; repair in 3 days with a loan phone; …</source>
        <translation>每行一个：今天换货；3 天内维修并提供备用机；……</translation>
    </message>
    <message>
        <source>Option chosen</source>
        <translation>所选方案</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Compensation given</source>
        <translation>给予的补偿</translation>
    </message>
    <message>
        <source>discount, voucher, upgrade, gift…</source>
        <translation>折扣、代金券、升级、赠品……</translation>
    </message>
    <message>
        <source>Compensation amount</source>
        <translation>补偿金额</translation>
    </message>
    <message>
        <source>Compensation currency</source>
        <translation>补偿币种</translation>
    </message>
    <message>
        <source>Cause category</source>
        <translation>原因类别</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>Sub-cause</source>
        <translation>具体原因</translation>
    </message>
    <message>
        <source>e.g. freezes after update, rude refusal</source>
        <translation>例如：更新后死机、态度生硬地拒绝</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>尚未认定</translation>
    </message>
    <message>
        <source>Wording that went wrong</source>
        <translation>不当用语</translation>
    </message>
    <message>
        <source>What was said to the customer (goes to the trainers)</source>
        <translation>当时对客户说的话（转交培训人员）</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>给客户的答复</translation>
    </message>
    <message>
        <source>What we tell the customer (checked against the phrasebook)</source>
        <translation>我们对客户的答复（按话术库检查）</translation>
    </message>
    <message>
        <source>Solved on the &amp;spot</source>
        <translation>当场解决(&amp;S)</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <source>We will reply by</source>
        <translation>承诺回复时间</translation>
    </message>
    <message>
        <source>choose a time</source>
        <translation>请选择时间</translation>
    </message>
    <message>
        <source>Save complaint</source>
        <translation>保存投诉</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>walk-in / unknown caller</source>
        <translation>到店客人/未知来电人</translation>
    </message>
    <message>
        <source>Complaint — {who}</source>
        <translation>投诉 — {who}</translation>
    </message>
    <message>
        <source>(customer #{id})</source>
        <translation>（客户 #{id}）</translation>
    </message>
    <message>
        <source>Say: {phrases}</source>
        <translation>可以说：{phrases}</translation>
    </message>
    <message>
        <source>For service-attitude causes: what was said that went wrong</source>
        <translation>仅用于服务态度类原因：当时说错了什么</translation>
    </message>
    <message>
        <source>Solved on the spot: the follow-up call is scheduled when you save.</source>
        <translation>当场解决：保存后会自动安排回访电话。</translation>
    </message>
    <message>
        <source>Not solved on the spot: tell the customer when we will reply.</source>
        <translation>未当场解决：请告诉客户我们何时回复。</translation>
    </message>
    <message>
        <source>Tell the customer: we will reply by {when}.</source>
        <translation>请告诉客户：我们会在{when}前回复。</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>未知来电人</translation>
    </message>
    <message>
        <source>“{text}” is not an amount (e.g. 50 or 12.50).</source>
        <translation>“{text}”不是有效金额（例如 50 或 12.50）。</translation>
    </message>
    <message numerus="yes">
        <source>Please correct the %n fields marked in red.</source>
        <translation>
            <numerusform>请修改标红的 %n 个字段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Could not save: {error}. Nothing you typed was lost (a draft is kept); try again.</source>
        <translation>保存失败：{error}。已输入的内容没有丢失（已保留草稿），请重试。</translation>
    </message>
    <message>
        <source>Discard complaint?</source>
        <translation>放弃这条投诉？</translation>
    </message>
    <message>
        <source>Discard the complaint you were typing? It cannot be recovered afterwards.</source>
        <translation>要放弃正在填写的投诉吗？放弃后无法恢复。</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续填写(&amp;K)</translation>
    </message>
    <message>
        <source>Could not save the draft: {error}</source>
        <translation>草稿保存失败：{error}</translation>
    </message>
</context>
<context>
    <name>ComplaintLabels</name>
    <message>
        <source>Phone</source>
        <extracomment>Drafts are saved this long after the last change (the promise is &quot;within 2 s&quot;). Labels of the domain&apos;s values, translated where shown (:func:`label`).</extracomment>
        <translation>电话</translation>
    </message>
    <message>
        <source>In store</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <source>Upset</source>
        <translation>不满</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>An explanation</source>
        <translation>要个说法</translation>
    </message>
    <message>
        <source>An apology only</source>
        <translation>只要道歉</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Delivery / logistics</source>
        <translation>配送/物流</translation>
    </message>
    <message>
        <source>Price / billing</source>
        <translation>价格/收费</translation>
    </message>
    <message>
        <source>Environment / facilities</source>
        <translation>环境/设施</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策规定</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>The customer&apos;s</source>
        <translation>客户方</translation>
    </message>
    <message>
        <source>A third party&apos;s</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>Unclear yet</source>
        <translation>尚不明确</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>No promise</source>
        <translation>无承诺</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>按时兑现</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未按时兑现</translation>
    </message>
    <message>
        <source>Calm — confirm the facts and act.</source>
        <extracomment>Emotion → (the theme&apos;s note kind, what it means for the agent).</extracomment>
        <translation>平静 — 核实事实，马上处理。</translation>
    </message>
    <message>
        <source>Upset — let them finish, show you understand, then ask what they want.</source>
        <translation>不满 — 让客户说完，表示理解，再询问诉求。</translation>
    </message>
    <message>
        <source>Angry — listen without interrupting; agree they have a point; apologise and act at once. Never say “calm down”.</source>
        <translation>愤怒 — 耐心倾听不打断；认可客户有道理；立即道歉并行动。千万不要说“您冷静一下”。</translation>
    </message>
    <message>
        <source>In &amp;2 hours</source>
        <translation>2 小时内(&amp;2)</translation>
    </message>
    <message>
        <source>End of &amp;day</source>
        <translation>今天下班前(&amp;D)</translation>
    </message>
    <message>
        <source>Tomorrow 1&amp;0:00</source>
        <translation>明天 10:00(&amp;0)</translation>
    </message>
    <message>
        <source>My open</source>
        <translation>我的未结投诉</translation>
    </message>
    <message>
        <source>Overdue promises</source>
        <translation>超时承诺</translation>
    </message>
    <message>
        <source>Follow-ups today</source>
        <translation>今日回访</translation>
    </message>
    <message>
        <source>No open complaints of yours — complaints you take on appear here until they are resolved</source>
        <translation>您暂无未结投诉 — 您受理的投诉会显示在这里，直到解决</translation>
    </message>
    <message>
        <source>Nothing due soon — open complaints whose promise falls due within 30 minutes appear here</source>
        <translation>暂无即将到期的投诉 — 承诺时间在 30 分钟内到期的未结投诉会显示在这里</translation>
    </message>
    <message>
        <source>No overdue promises — promises that pass their time without a reply appear here</source>
        <translation>暂无超时承诺 — 超过承诺时间仍未答复的投诉会显示在这里</translation>
    </message>
    <message>
        <source>No follow-ups today — resolved complaints whose follow-up call is due today appear here</source>
        <translation>今日暂无回访 — 今天需要回访的已解决投诉会显示在这里</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始处理(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>解决(&amp;R)</translation>
    </message>
    <message>
        <source>Record &amp;follow-up</source>
        <translation>记录回访(&amp;F)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>结案(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>ComplaintQueue</name>
    <message>
        <source>follow-up {countdown}</source>
        <extracomment>Header column → service sort (other columns are not sortable).</extracomment>
        <translation>回访 {countdown}</translation>
    </message>
    <message>
        <source>Complaint queues</source>
        <translation>投诉队列</translation>
    </message>
    <message>
        <source>Complaints — Service Console</source>
        <translation>投诉 — 服务台</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Enter opens the complaint · click a column title to sort · F5 refreshes · Ctrl+Tab next queue</source>
        <translation>回车打开投诉 · 点击列标题排序 · F5 刷新 · Ctrl+Tab 切换到下一个队列</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>Refresh the queues</source>
        <translation>刷新队列</translation>
    </message>
    <message>
        <source>{queue} ({count})</source>
        <translation>{queue}（{count}）</translation>
    </message>
</context>
<context>
    <name>ComplaintReport</name>
    <message>
        <source>All stores</source>
        <extracomment>The store combo&apos;s first item (&quot;no store chosen&quot;), in the language it was shown in.</extracomment>
        <translation>全部门店</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>— (none yet)</source>
        <translation>—（暂无）</translation>
    </message>
    <message>
        <source>{pct} % ({part} of {whole})</source>
        <translation>{pct}%（{whole} 条中 {part} 条）</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理投诉数</translation>
    </message>
    <message>
        <source>Median time to first response</source>
        <translation>首次响应时间（中位数）</translation>
    </message>
    <message>
        <source>Median time to resolution</source>
        <translation>解决时间（中位数）</translation>
    </message>
    <message>
        <source>Promises kept on time</source>
        <translation>按时兑现的承诺</translation>
    </message>
    <message>
        <source>Follow-ups within 7 days</source>
        <translation>7 天内完成回访</translation>
    </message>
    <message>
        <source>Dissatisfied at follow-up (≤ 2 of 5)</source>
        <translation>回访不满意（5 分制 ≤ 2 分）</translation>
    </message>
    <message>
        <source>Repeat complainers</source>
        <translation>重复投诉客户</translation>
    </message>
</context>
<context>
    <name>ComplaintReportView</name>
    <message>
        <source>Complaint report</source>
        <translation>投诉报表</translation>
    </message>
    <message>
        <source>Complaint report — Service Console</source>
        <translation>投诉报表 — 服务台</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>结束日期（含当天）</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>显示报表</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>St&amp;ore:</source>
        <translation>门店(&amp;O)：</translation>
    </message>
    <message>
        <source>Chart by</source>
        <translation>图表维度</translation>
    </message>
    <message>
        <source>By cause category</source>
        <translation>按原因类别</translation>
    </message>
    <message>
        <source>By sub-cause</source>
        <translation>按具体原因</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>图表(&amp;H)：</translation>
    </message>
    <message>
        <source>Product-quality feedback</source>
        <translation>产品质量反馈</translation>
    </message>
    <message>
        <source>Service-attitude feedback</source>
        <translation>服务态度反馈</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Sub-cause</source>
        <translation>具体原因</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件经过</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>不当用语</translation>
    </message>
    <message>
        <source>Feedback lists</source>
        <translation>反馈清单</translation>
    </message>
    <message>
        <source>Export product list (CSV)…</source>
        <translation>导出产品清单（CSV）…</translation>
    </message>
    <message>
        <source>Export the product list as CSV</source>
        <translation>将产品清单导出为 CSV</translation>
    </message>
    <message>
        <source>Export trainers&apos; list (CSV)…</source>
        <translation>导出培训清单（CSV）…</translation>
    </message>
    <message>
        <source>Export the trainers&apos; list as CSV</source>
        <translation>将培训清单导出为 CSV</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <source>For the product team</source>
        <translation>交产品团队</translation>
    </message>
    <message>
        <source>For the trainers</source>
        <translation>交培训人员</translation>
    </message>
    <message>
        <source>For the product team ({count})</source>
        <translation>交产品团队（{count}）</translation>
    </message>
    <message>
        <source>For the trainers ({count})</source>
        <translation>交培训人员（{count}）</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <source>{start} – {end}, {where}.</source>
        <translation>{start} – {end}，{where}。</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>未细分</translation>
    </message>
    <message>
        <source>Complaints by sub-cause</source>
        <translation>按具体原因统计的投诉</translation>
    </message>
    <message>
        <source>Complaints by cause category</source>
        <translation>按原因类别统计的投诉</translation>
    </message>
    <message>
        <source>Show a report first.</source>
        <translation>请先显示报表。</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Report saved as {path}.</source>
        <translation>报表已保存为 {path}。</translation>
    </message>
    <message>
        <source>1 row saved to {path}.</source>
        <translation>已将 1 行保存到 {path}。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows saved to {path}.</source>
        <translation>
            <numerusform>已将 %n 行保存到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存失败：{error}</translation>
    </message>
    <message>
        <source>Complaints {start} – {end} · {where}</source>
        <translation>投诉 {start} – {end} · {where}</translation>
    </message>
    <message>
        <source>For the product team (product quality)</source>
        <translation>交产品团队（产品质量）</translation>
    </message>
    <message>
        <source>For the trainers (service attitude)</source>
        <translation>交培训人员（服务态度）</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>本期间内没有。</translation>
    </message>
    <message>
        <source>no report to save</source>
        <translation>没有可保存的报表</translation>
    </message>
    <message>
        <source>the PDF could not be written to {path}</source>
        <translation>无法将 PDF 写入 {path}</translation>
    </message>
</context>
<context>
    <name>ComplaintTexts</name>
    <message>
        <source>kept — answered {when}</source>
        <translation>按时兑现 — {when} 已答复</translation>
    </message>
    <message>
        <source>missed — answered {when}</source>
        <translation>未按时兑现 — {when} 才答复</translation>
    </message>
    <message>
        <source>(confirmed)</source>
        <translation>（已确认）</translation>
    </message>
    <message>
        <source>(not confirmed)</source>
        <translation>（未确认）</translation>
    </message>
    <message>
        <source>responsibility: {who}</source>
        <translation>责任：{who}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Channel · store · agent</source>
        <translation>渠道 · 门店 · 受理人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>We will reply by</source>
        <translation>承诺回复时间</translation>
    </message>
    <message>
        <source>1 What happened</source>
        <translation>1 事情经过</translation>
    </message>
    <message>
        <source>2 Our understanding</source>
        <translation>2 我们的理解</translation>
    </message>
    <message>
        <source>3 Emotion</source>
        <translation>3 情绪</translation>
    </message>
    <message>
        <source>4 Apology</source>
        <translation>4 致歉</translation>
    </message>
    <message>
        <source>5 Wants</source>
        <translation>5 诉求</translation>
    </message>
    <message>
        <source>6 Options</source>
        <translation>6 方案</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <source>7 Cause</source>
        <translation>7 原因</translation>
    </message>
    <message>
        <source>Wording that went wrong</source>
        <translation>不当用语</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Voided because</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <source>Logged as {status}</source>
        <translation>登记为{status}</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承诺记录</translation>
    </message>
    <message>
        <source>No promise (solved on the spot)</source>
        <translation>无承诺（当场解决）</translation>
    </message>
    <message>
        <source>Promised a reply by {due}</source>
        <translation>承诺在 {due} 前回复</translation>
    </message>
    <message>
        <source>Extended to {due} (was {previous})</source>
        <translation>延期至 {due}（原为 {previous}）</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>satisfaction {score}/5 (dissatisfied)</source>
        <translation>满意度 {score}/5（不满意）</translation>
    </message>
    <message>
        <source>satisfaction {score}/5</source>
        <translation>满意度 {score}/5</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaints</source>
        <translation>
            <numerusform>%n 条未结投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} — no reply time set</source>
        <translation>{count} — 未设定回复时间</translation>
    </message>
    <message>
        <source>{count} — reply promised by {when} ({countdown})</source>
        <translation>{count} — 承诺{when}前回复（{countdown}）</translation>
    </message>
</context>
<context>
    <name>ComplaintView</name>
    <message>
        <source>Complaint details and history</source>
        <translation>投诉详情与记录</translation>
    </message>
    <message>
        <source>Note for the action (required to void or extend)</source>
        <translation>操作备注（作废或延期时必填）</translation>
    </message>
    <message>
        <source>Note: why, what was agreed, what the customer said…</source>
        <translation>备注：原因、约定内容、客户的话……</translation>
    </message>
    <message>
        <source>Satisfaction at follow-up, 1 to 5</source>
        <translation>回访满意度，1 到 5 分</translation>
    </message>
    <message>
        <source> / 5</source>
        <translation> / 5</translation>
    </message>
    <message>
        <source>New reply time</source>
        <translation>新的回复时间</translation>
    </message>
    <message>
        <source>E&amp;xtend promise</source>
        <translation>延长承诺(&amp;X)</translation>
    </message>
    <message>
        <source>Extend the promise (needs a note)</source>
        <translation>延长承诺（需填写备注）</translation>
    </message>
    <message>
        <source>Relo&amp;ad</source>
        <translation>重新载入(&amp;A)</translation>
    </message>
    <message>
        <source>Reload the complaint to see the other change (your note stays)</source>
        <translation>重新载入投诉，查看对方的修改（您的备注保留）</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Sat&amp;isfaction:</source>
        <translation>满意度(&amp;I)：</translation>
    </message>
    <message>
        <source>New reply &amp;time:</source>
        <translation>新回复时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Complaint #{id}</source>
        <translation>投诉 #{id}</translation>
    </message>
    <message>
        <source>Complaint #{id} — {who}</source>
        <translation>投诉 #{id} — {who}</translation>
    </message>
    <message>
        <source>Complaint #{id} was not found.</source>
        <translation>找不到投诉 #{id}。</translation>
    </message>
    <message>
        <source>Say why the promise is extended (the customer will ask).</source>
        <translation>请说明延期原因（客户会问）。</translation>
    </message>
    <message>
        <source>Voiding needs a reason: type it in Note.</source>
        <translation>作废需要原因：请在“备注”中填写。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>保存失败：{error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>{who} changed this complaint at {when}, so your change was not saved. Reload to see what they did, then try again: your note is kept.</source>
        <translation>{who} 在 {when} 修改了这条投诉，您的操作未保存。请重新载入查看对方的修改后再试：您的备注已保留。</translation>
    </message>
    <message>
        <source>{who} changed this complaint, so your change was not saved. Reload to see what they did, then try again: your note is kept.</source>
        <translation>{who} 修改了这条投诉，您的操作未保存。请重新载入查看对方的修改后再试：您的备注已保留。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message numerus="yes">
        <source>%n days</source>
        <extracomment>Work that must finish after a form is gone (discarding its draft). &quot;Not set&quot; in the date-time editors (their minimum shows as special text).</extracomment>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>1 day %n h</source>
        <translation>
            <numerusform>1 天 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>overdue {time}</source>
        <translation>已超时 {time}</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time}后</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>明天 {time}</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>Change {phrase} before saving.</source>
        <translation>保存前请修改{phrase}。</translation>
    </message>
    <message>
        <source>Say instead: {phrase}.</source>
        <translation>建议改说：{phrase}。</translation>
    </message>
</context>
<context>
    <name>ComplaintsMenu</name>
    <message>
        <source>Com&amp;plaints</source>
        <translation>投诉(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>agent</source>
        <extracomment>Team mode: notices arriving within this long are applied together (one reload). Qt platforms without a screen: nobody could answer a dialog there.</extracomment>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>The demo console could not be started: {error}</source>
        <extracomment>Team mode: the services are the console server&apos;s (None: this desk&apos;s file).</extracomment>
        <translation>无法启动演示版服务台：{error}</translation>
    </message>
    <message>
        <source>The demo console opens in a new window, marked DEMO. This console stays as it is.</source>
        <translation>演示版服务台会在新窗口中打开，并标有“演示”字样。当前服务台保持不变。</translation>
    </message>
    <message>
        <source>Only a manager or an admin may back up the database.</source>
        <translation>只有经理或管理员可以备份数据库。</translation>
    </message>
    <message>
        <source>Audit trail broken</source>
        <translation>审计日志已损坏</translation>
    </message>
    <message>
        <source>Backed up to {path}, but the audit trail does not verify: {problem}</source>
        <translation>已备份到 {path}，但审计日志校验未通过：{problem}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>{name} · {role}  (Ctrl+Shift+L to lock)</source>
        <translation>{name} · {role}（Ctrl+Shift+L 锁定）</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>备份失败：{error}</translation>
    </message>
    <message>
        <source>Backed up, but the audit trail does not verify: {problem}</source>
        <translation>已备份，但审计日志校验未通过：{problem}</translation>
    </message>
    <message>
        <source>Open complaint: {summary}</source>
        <translation>未结投诉：{summary}</translation>
    </message>
    <message>
        <source>Open complaint: {summary} — reply promised by {when} ({left})</source>
        <translation>未结投诉：{summary} — 已承诺在 {when} 前答复（{left}）</translation>
    </message>
    <message>
        <source>turned off (setting cti_enabled)</source>
        <translation>已关闭（设置 cti_enabled）</translation>
    </message>
    <message>
        <source>not in the demo console (start it with --cti-port N to try it)</source>
        <translation>演示版服务台不接听电话（如需试用，请以 --cti-port N 启动）</translation>
    </message>
    <message>
        <source>this computer has no password keychain for the phone token. Ask an admin to set SERVICE_CONSOLE_CTI_TOKEN.</source>
        <translation>这台电脑没有密码钥匙串来保存电话令牌。请联系管理员设置 SERVICE_CONSOLE_CTI_TOKEN。</translation>
    </message>
    <message>
        <source>The console server answers again.</source>
        <translation>控制台服务器已恢复连接。</translation>
    </message>
    <message>
        <source>The console server ended your session; sign in again.</source>
        <translation>控制台服务器已结束您的会话，请重新登录。</translation>
    </message>
    <message>
        <source>Adding demo customers for a first look…</source>
        <translation>正在添加演示客户，供初次体验…</translation>
    </message>
    <message>
        <source>Demo data ready: {customers} customers, {purchases} purchases.</source>
        <translation>演示数据已就绪：{customers} 位客户，{purchases} 笔消费。</translation>
    </message>
    <message>
        <source>That passphrase does not open the console&apos;s data. Try again.</source>
        <translation>这个口令打不开服务台的数据，请再试一次。</translation>
    </message>
    <message>
        <source>Service Console</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>This database is not encrypted. Close the app and run &apos;service-console encrypt&apos; to protect customers&apos; data.</source>
        <translation>此数据库未加密。请关闭程序并运行“service-console encrypt”以保护客户数据。</translation>
    </message>
    <message>
        <source>No font that can show Chinese characters was found. Chinese names will show as boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk</source>
        <translation>未找到可显示中文的字体，中文姓名将显示为方框。Debian/Ubuntu 上请运行：sudo apt-get install fonts-noto-cjk</translation>
    </message>
</context>
<context>
    <name>ConsolesWindow</name>
    <message>
        <source>Consoles</source>
        <extracomment>From any thread (the link&apos;s listeners): queued onto the window&apos;s thread. The server answers again after it was lost (reload what is on screen). It stopped answering.</extracomment>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Enrolled consoles</source>
        <translation>已登记的控制台</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Enrolled by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>吊销(&amp;R)…</translation>
    </message>
    <message>
        <source>Revoke the selected console</source>
        <translation>吊销所选控制台</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Refresh the list of consoles</source>
        <translation>刷新控制台列表</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>revoked {when} by {who}</source>
        <translation>已于 {when} 由 {who} 吊销</translation>
    </message>
    <message>
        <source>Revoke console</source>
        <translation>吊销控制台</translation>
    </message>
    <message>
        <source>Revoke “{name}”? It stops working at once and whoever is signed in there is signed out. To use it again, enrol it with a new code.</source>
        <translation>吊销“{name}”？它将立即停止工作，在那里登录的员工会被登出。如需再次使用，请用新的登记码重新登记。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Revoked “{name}”.</source>
        <translation>已吊销“{name}”。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>d MMMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>{date} (year unknown)</source>
        <translation>{date}（年份不详）</translation>
    </message>
    <message>
        <source>Not a valid phone number for {region}: check the digits, or start with + and the country code</source>
        <translation>不是有效的{region}电话号码：请检查数字，或以 + 和国家代码开头</translation>
    </message>
    <message>
        <source>Saved as {number}</source>
        <translation>将保存为 {number}</translation>
    </message>
    <message>
        <source>Not an email address (expected name@example.com)</source>
        <translation>不是有效的电子邮箱地址（应为 name@example.com 格式）</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name</source>
        <translation>请输入客户姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚型</translation>
    </message>
    <message>
        <source>The brand&apos;s main profit: thank them, forgive an occasional slip.</source>
        <translation>品牌的主要利润来源：多表达感谢，偶有小失误也请包容。</translation>
    </message>
    <message>
        <source>Purposeful</source>
        <translation>目标明确型</translation>
    </message>
    <message>
        <source>Know what they want: serve them quickly and well.</source>
        <translation>清楚自己要什么：快速、周到地服务。</translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation>偶尔光顾型</translation>
    </message>
    <message>
        <source>Hesitant, comparing prices: warm, confident help, no pressure.</source>
        <translation>犹豫不决、货比三家：热情、自信地提供帮助，不要施加压力。</translation>
    </message>
    <message>
        <source>Information-seeking</source>
        <translation>信息咨询型</translation>
    </message>
    <message>
        <source>Careful and possibly high value: give clear facts and time.</source>
        <translation>谨慎，可能是高价值客户：提供清晰的信息，并给予充分的时间。</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>On the phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>On a signed form</source>
        <translation>签署书面表格</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>{field} {value} already belongs to {name} (#{id})</source>
        <translation>{field} {value} 已属于 {name}（#{id}）</translation>
    </message>
    <message>
        <source>Edit customer — {name}</source>
        <translation>编辑客户 — {name}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Full &amp;name *</source>
        <translation>全名(&amp;N) *</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Full name in its own script, e.g. 张伟 or Priya Patel</source>
        <translation>按原文书写的全名，如 张伟 或 Priya Patel</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>&amp;Form of address</source>
        <translation>称呼(&amp;F)</translation>
    </message>
    <message>
        <source>Preferred form of address</source>
        <translation>首选称呼</translation>
    </message>
    <message>
        <source>Mr. Yu / 余先生 / Dr. Patel</source>
        <translation>余先生 / Mr. Yu / Dr. Patel</translation>
    </message>
    <message>
        <source>What staff say aloud when greeting them</source>
        <translation>员工当面问候客户时使用的称呼</translation>
    </message>
    <message>
        <source>&amp;Romanisation</source>
        <translation>拼音/罗马字(&amp;R)</translation>
    </message>
    <message>
        <source>Romanisation</source>
        <translation>拼音/罗马字</translation>
    </message>
    <message>
        <source>Filled in from a Chinese name, e.g. Zhang Wei</source>
        <translation>根据中文姓名自动填写，如 Zhang Wei</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add p&amp;hone</source>
        <translation>添加电话(&amp;H)</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>Member n&amp;umber</source>
        <translation>会员号(&amp;U)</translation>
    </message>
    <message>
        <source>Card or member number</source>
        <translation>会员卡号或会员号</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or --MM-DD</source>
        <translation>YYYY-MM-DD 或 --MM-DD</translation>
    </message>
    <message>
        <source>Year unknown? Write --MM-DD, e.g. --02-29</source>
        <translation>不知道年份？请写 --MM-DD，如 --02-29</translation>
    </message>
    <message>
        <source>Other &amp;dates</source>
        <translation>其他日期(&amp;D)</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>其他日期</translation>
    </message>
    <message>
        <source>Add d&amp;ate</source>
        <translation>添加日期(&amp;A)</translation>
    </message>
    <message>
        <source>Add important date</source>
        <translation>添加重要日期</translation>
    </message>
    <message>
        <source>What to remember</source>
        <translation>需要记住的事</translation>
    </message>
    <message>
        <source>Li&amp;kes / preferences</source>
        <translation>喜好/偏好(&amp;K)</translation>
    </message>
    <message>
        <source>Likes and preferences</source>
        <translation>喜好和偏好</translation>
    </message>
    <message>
        <source>One per line, e.g.
Earl Grey, no sugar
Quiet table</source>
        <translation>每行一条，例如：
伯爵茶，不加糖
安静的座位</translation>
    </message>
    <message>
        <source>D&amp;islikes / allergies</source>
        <translation>忌口/过敏(&amp;I)</translation>
    </message>
    <message>
        <source>Dislikes and allergies</source>
        <translation>不喜欢的东西和过敏</translation>
    </message>
    <message>
        <source>One per line, e.g. peanuts, loud music</source>
        <translation>每行一条，如：花生、嘈杂的音乐</translation>
    </message>
    <message>
        <source>Topics to a&amp;void</source>
        <translation>避免的话题(&amp;V)</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>避免的话题</translation>
    </message>
    <message>
        <source>One per line, e.g. politics, their old job</source>
        <translation>每行一条，如：政治、以前的工作</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Anything else worth knowing: hometown, pets, next holiday…</source>
        <translation>其他值得了解的信息：家乡、宠物、下次假期…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Assi&amp;gned staff</source>
        <translation>专属员工(&amp;G)</translation>
    </message>
    <message>
        <source>Assigned staff</source>
        <translation>专属员工</translation>
    </message>
    <message>
        <source>Their account manager, for one-to-one service</source>
        <translation>负责一对一服务的客户经理</translation>
    </message>
    <message>
        <source>Customer kind</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Greetings consent</source>
        <translation>祝福同意</translation>
    </message>
    <message>
        <source>May &amp;we send birthday and anniversary greetings?</source>
        <translation>是否同意我们发送生日和纪念日祝福？(&amp;W)</translation>
    </message>
    <message>
        <source>May we send offers and news?</source>
        <translation>是否同意我们发送优惠和资讯？</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>营销同意</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>同意方式</translation>
    </message>
    <message>
        <source>How the customer gave or withdrew consent</source>
        <translation>客户给予或撤回同意的方式</translation>
    </message>
    <message>
        <source>Already in use</source>
        <translation>已被使用</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>enter a name</source>
        <translation>输入姓名</translation>
    </message>
    <message>
        <source>check phone {numbers}</source>
        <translation>检查电话 {numbers}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>check the email</source>
        <translation>检查电子邮箱</translation>
    </message>
    <message>
        <source>check the birthday</source>
        <translation>检查生日</translation>
    </message>
    <message>
        <source>check date {numbers}</source>
        <translation>检查日期 {numbers}</translation>
    </message>
    <message>
        <source>To save: {problems}.</source>
        <translation>保存前请：{problems}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Merging into #{id}…</source>
        <translation>正在合并到 #{id}…</translation>
    </message>
    <message>
        <source>Could not save: {error}. Nothing you typed was lost; try again.</source>
        <translation>无法保存：{error}。您输入的内容都还在，请重试。</translation>
    </message>
    <message>
        <source>Please correct: {problems}</source>
        <translation>请更正：{problems}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Already in use&lt;/b&gt; — is this the same person?</source>
        <translation>&lt;b&gt;已被使用&lt;/b&gt; — 是同一个人吗？</translation>
    </message>
    <message>
        <source>&amp;Open #{id}</source>
        <translation>打开 #{id}(&amp;O)</translation>
    </message>
    <message>
        <source>Open customer #{id}</source>
        <translation>打开客户 #{id}</translation>
    </message>
    <message>
        <source>&amp;Merge into #{id}</source>
        <translation>合并到 #{id}(&amp;M)</translation>
    </message>
    <message>
        <source>Merge this customer into #{id}</source>
        <translation>将此客户合并到 #{id}</translation>
    </message>
    <message>
        <source>Save, then move everything (visits, purchases, phones) into #{id}; #{id}&apos;s own details are kept where both have one</source>
        <translation>先保存，再将所有记录（到店、购买、电话）移到 #{id}；双方都有的信息保留 #{id} 的</translation>
    </message>
    <message>
        <source>Save an&amp;yway</source>
        <translation>仍然保存(&amp;Y)</translation>
    </message>
    <message>
        <source>Save anyway, as a separate customer</source>
        <translation>仍然保存为另一位客户</translation>
    </message>
    <message numerus="yes">
        <source>Some details already belong to %n other customer(s).</source>
        <translation>
            <numerusform>部分信息已属于其他 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>{who} saved this customer ({when} {time}) after you opened it, so your changes were not saved. What you typed is still in the form: copy what you need, then Reload to see their version.</source>
        <translation>{who}在您打开后保存了这位客户（{when} {time}），因此您的修改没有保存。您输入的内容仍在表单中：请复制需要的内容，然后点“重新载入”查看对方的版本。</translation>
    </message>
    <message>
        <source>Rel&amp;oad</source>
        <translation>重新载入(&amp;O)</translation>
    </message>
    <message>
        <source>Reload the customer as it was saved last</source>
        <translation>重新载入客户最后保存的资料</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this customer.</source>
        <translation>未保存：其他人修改了这位客户。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Could not load the customer: {error}</source>
        <translation>无法载入客户：{error}</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>这位客户已不存在。</translation>
    </message>
</context>
<context>
    <name>CustomerProfile</name>
    <message>
        <source>Customer profile</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Find a customer with the search box (Ctrl+K or /), or add a new one (Ctrl+N).</source>
        <translation>用搜索框查找客户（Ctrl+K 或 /），或新建客户（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>问候语</translation>
    </message>
    <message>
        <source>Name and contact</source>
        <translation>姓名与联系方式</translation>
    </message>
    <message>
        <source>Visits, spend and loyalty</source>
        <translation>到店、消费与积分</translation>
    </message>
    <message>
        <source>Things to remember</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Log &amp;visit (Ctrl+L)</source>
        <translation>登记到店(&amp;V)（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>登记一次到店</translation>
    </message>
    <message>
        <source>Add &amp;purchase (Ctrl+P)</source>
        <translation>添加消费(&amp;P)（Ctrl+P）</translation>
    </message>
    <message>
        <source>Add a purchase</source>
        <translation>添加一笔消费</translation>
    </message>
    <message>
        <source>&amp;Edit (Ctrl+E)</source>
        <translation>编辑(&amp;E)（Ctrl+E）</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>&amp;Reward given (Ctrl+R)</source>
        <translation>已兑换奖励(&amp;R)（Ctrl+R）</translation>
    </message>
    <message>
        <source>Record that the reward was given</source>
        <translation>记录奖励已兑换</translation>
    </message>
    <message>
        <source>Start &amp;complaint (Ctrl+Shift+C)</source>
        <translation>登记投诉(&amp;C)（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Start a complaint for this customer</source>
        <translation>为该客户登记投诉</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>What to remember</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>{table} columns</source>
        <translation>{table}的列</translation>
    </message>
    <message>
        <source>{table} rows</source>
        <translation>{table}的行</translation>
    </message>
    <message>
        <source>Purchases ({count})</source>
        <translation>消费记录（{count}）</translation>
    </message>
    <message>
        <source>Visits ({count})</source>
        <translation>到店记录（{count}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Address as: {name}</source>
        <translation>称呼：{name}</translation>
    </message>
    <message>
        <source>Member {number} · {tier}</source>
        <translation>会员 {number} · {tier}</translation>
    </message>
    <message>
        <source>Looked after by {name}</source>
        <translation>专属服务：{name}</translation>
    </message>
    <message>
        <source>Birthday {date}</source>
        <translation>生日 {date}</translation>
    </message>
    <message>
        <source>{occasion}: {date}</source>
        <translation>{occasion}：{date}</translation>
    </message>
    <message>
        <source>Greetings: {greetings} · Offers: {offers}</source>
        <translation>接收问候：{greetings} · 接收优惠：{offers}</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) available — tell them: {reward}</source>
        <translation>
            <numerusform>有%n份奖励可领 — 请告知客户：{reward}</numerusform>
        </translation>
    </message>
    <message>
        <source>{stamps} of {every} stamps</source>
        <translation>已集 {stamps}/{every} 个印章</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n visit(s)&lt;/b&gt; so far</source>
        <translation>
            <numerusform>至今&lt;b&gt;到店%n次&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No visits yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚无到店记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Last seen {ago} ({date})</source>
        <translation>上次光临：{ago}（{date}）</translation>
    </message>
    <message numerus="yes">
        <source>Lifetime spend {amount} over %n purchase(s)</source>
        <translation>
            <numerusform>累计消费 {amount}，共%n笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Favourites: {items}</source>
        <translation>常买：{items}</translation>
    </message>
    <message>
        <source>Loyalty ({rule}): {status}</source>
        <translation>积分卡（{rule}）：{status}</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>nothing noted yet</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>Dislikes / allergies</source>
        <translation>忌口 / 过敏</translation>
    </message>
    <message>
        <source>none noted</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>避免的话题</translation>
    </message>
    <message>
        <source>Kind of customer</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Open complaint: acknowledge it first — no cheerful small talk.</source>
        <translation>有未结投诉：请先回应投诉，不要轻松寒暄。</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Press Enter or click to open it</source>
        <translation>按 Enter 或点击打开</translation>
    </message>
    <message>
        <source>Click or Enter opens it</source>
        <translation>点击或按 Enter 打开</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有奖励可领 — 请告知客户</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次到店</translation>
    </message>
    <message>
        <source>Make them feel welcome</source>
        <translation>让客户感到宾至如归</translation>
    </message>
</context>
<context>
    <name>DateRow</name>
    <message>
        <source>Wedding anniversary, daughter&apos;s birthday…</source>
        <translation>结婚纪念日、女儿生日…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or --MM-DD</source>
        <translation>YYYY-MM-DD 或 --MM-DD</translation>
    </message>
    <message>
        <source>Enter the date (YYYY-MM-DD, or --MM-DD without the year)</source>
        <translation>请输入日期（YYYY-MM-DD；不知道年份时用 --MM-DD）</translation>
    </message>
    <message>
        <source>Say what the date is (e.g. wedding anniversary)</source>
        <translation>请注明这是什么日期（如结婚纪念日）</translation>
    </message>
    <message>
        <source>Important date {n} label</source>
        <translation>重要日期 {n} 的名称</translation>
    </message>
    <message>
        <source>Important date {n}</source>
        <translation>重要日期 {n}</translation>
    </message>
    <message>
        <source>Remove important date {n}</source>
        <translation>删除重要日期 {n}</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Edit entry #{id}</source>
        <translation>编辑条目 #{id}</translation>
    </message>
    <message>
        <source>New phrasebook entry</source>
        <translation>新建话术条目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Taboo term — flag it when staff write it</source>
        <translation>禁用语 — 员工写到时提示</translation>
    </message>
    <message>
        <source>Approved phrase — offer it in the phrase picker</source>
        <translation>推荐话术 — 在话术选择器中提供</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Replacements, separated by |</source>
        <translation>替换说法，用 | 分隔</translation>
    </message>
    <message>
        <source>Certainly | Of course | 好的，马上为您办理</source>
        <translation>好的 | 当然可以 | 好的，马上为您办理</translation>
    </message>
    <message>
        <source>Exceptions, separated by |</source>
        <translation>例外，用 | 分隔</translation>
    </message>
    <message>
        <source>Longer phrases in which the term is fine: No Problem Tea</source>
        <translation>包含该词但可以使用的较长说法：No Problem Tea</translation>
    </message>
    <message>
        <source>Si&amp;mplified/Traditional-insensitive</source>
        <translation>不区分简繁体(&amp;M)</translation>
    </message>
    <message>
        <source>Match Simplified and Traditional Chinese alike</source>
        <translation>简体和繁体中文同样匹配</translation>
    </message>
    <message>
        <source>When ticked, 这里就是这样的 also flags 這裡就是這樣的 (and the other way round).</source>
        <translation>勾选后，这里就是这样的 也会标出 這裡就是這樣的（反之亦然）。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>严重程度(&amp;V)：</translation>
    </message>
    <message>
        <source>Sit&amp;uation:</source>
        <translation>场景(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Replacements:</source>
        <translation>替换说法(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <source>E&amp;xceptions:</source>
        <translation>例外(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>保存条目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The word or phrase staff should not use: no problem, 不知道</source>
        <translation>员工不应使用的词语或说法：no problem、不知道</translation>
    </message>
    <message>
        <source>The phrase, with {preferred_name}, {agent_name} or {store} where they go</source>
        <translation>话术内容，在相应位置写 {preferred_name}、{agent_name} 或 {store}</translation>
    </message>
    <message>
        <source>Why: shown to staff next to the flagged wording</source>
        <translation>原因：显示在被标出的说法旁边，供员工参考</translation>
    </message>
    <message>
        <source>A note for staff on when to use it (optional)</source>
        <translation>给员工的使用说明（可选）</translation>
    </message>
    <message>
        <source>Reason shown to staff</source>
        <translation>向员工显示的原因</translation>
    </message>
    <message>
        <source>Note for staff</source>
        <translation>给员工的说明</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>entry #{id}: {entry}</source>
        <translation>条目 #{id}：{entry}</translation>
    </message>
    <message>
        <source>Not saved: 1 problem.</source>
        <translation>未保存：有 1 个问题。</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problems.</source>
        <translation>
            <numerusform>未保存：有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Also involved:</source>
        <translation>另外涉及：</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drink</source>
        <translation>饮品</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>食品</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售商品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>e.g. Earl Grey tea, 茉莉花茶</source>
        <translation>例如：伯爵茶、茉莉花茶</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Enter the price</source>
        <translation>请输入价格</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money (at most 2 decimals)</source>
        <translation>“{text}”不是有效金额（最多两位小数）</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money</source>
        <translation>“{text}”不是有效金额</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>A price cannot be more than {limit}</source>
        <translation>单价不能超过 {limit}</translation>
    </message>
    <message>
        <source>Enter what was bought</source>
        <translation>请输入所购商品</translation>
    </message>
    <message>
        <source>Item {n} name</source>
        <translation>第 {n} 项商品名称</translation>
    </message>
    <message>
        <source>Item {n} category</source>
        <translation>第 {n} 项类别</translation>
    </message>
    <message>
        <source>Item {n} quantity</source>
        <translation>第 {n} 项数量</translation>
    </message>
    <message>
        <source>Item {n} unit price</source>
        <translation>第 {n} 项单价</translation>
    </message>
    <message>
        <source>Remove item {n}</source>
        <translation>删除第 {n} 项</translation>
    </message>
    <message>
        <source>Item {n} total</source>
        <translation>第 {n} 项小计</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Add a new customer</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>DEMO — Service Console (made-up customers)</source>
        <translation>演示 — 服务台（虚构客户）</translation>
    </message>
    <message>
        <source>Service Console, demo with made-up customers</source>
        <translation>服务台演示版，客户均为虚构</translation>
    </message>
    <message>
        <source>Service Console</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Demo database: every customer here is made up. Real work goes in a normal launch.</source>
        <translation>演示数据库：这里的客户都是虚构的。实际工作请用正常方式启动。</translation>
    </message>
    <message>
        <source>Demo database with made-up customers</source>
        <translation>含虚构客户的演示数据库</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>Find a customer: name, 拼音, phone or its last 4 digits, member no., email  (Ctrl+K or /)</source>
        <translation>查找客户：姓名、拼音、电话或尾号4位、会员号、邮箱（Ctrl+K 或 /）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Show Today&apos;s lists beside the customer (Ctrl+T)</source>
        <translation>在客户旁显示今日列表（Ctrl+T）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <source>Log &amp;visit</source>
        <translation>登记到店(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;purchase…</source>
        <translation>添加消费(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reward given</source>
        <translation>已兑换奖励(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Phrasebook…</source>
        <translation>话术库(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Phrasebook — Service Console</source>
        <translation>话术库 — 服务台</translation>
    </message>
    <message>
        <source>Open a customer first (search with Ctrl+K).</source>
        <translation>请先打开一位客户（按 Ctrl+K 搜索）。</translation>
    </message>
    <message>
        <source>Not done, nothing was changed: {error}</source>
        <translation>未完成，没有做任何更改：{error}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <source>&amp;Add “{query}” as a new customer (Ctrl+N)</source>
        <translation>将“{query}”添加为新客户(&amp;A)（Ctrl+N）</translation>
    </message>
    <message numerus="yes">
        <source>%n found — Enter opens the highlighted customer, ↓ moves down.</source>
        <translation>
            <numerusform>找到%n位 — 按 Enter 打开选中的客户，按 ↓ 向下移动。</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer matches “{query}”. Press Ctrl+N to add them.</source>
        <translation>没有与“{query}”匹配的客户。按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Customer #{number} no longer exists.</source>
        <translation>客户 #{number} 已不存在。</translation>
    </message>
    <message>
        <source>Visit logged for {name}.</source>
        <translation>已为 {name} 登记到店。</translation>
    </message>
    <message>
        <source>No reward is available for this customer yet.</source>
        <translation>该客户暂无可领取的奖励。</translation>
    </message>
    <message>
        <source>Reward recorded as given.</source>
        <translation>已记录奖励兑换。</translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation>客户已保存。</translation>
    </message>
    <message>
        <source>The phrasebook is not available here.</source>
        <translation>此处无法使用话术库。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>a trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>read customer</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>log visit</source>
        <translation>登记到店</translation>
    </message>
    <message>
        <source>log purchase</source>
        <translation>登记购买</translation>
    </message>
    <message>
        <source>log complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>edit phrasebook</source>
        <translation>编辑话术库</translation>
    </message>
    <message>
        <source>void complaint</source>
        <translation>作废投诉</translation>
    </message>
    <message>
        <source>view reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>erase customer</source>
        <translation>删除客户资料</translation>
    </message>
    <message>
        <source>view audit</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>manage staff</source>
        <translation>管理员工</translation>
    </message>
    <message>
        <source>edit settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>close</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>taboo</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>{role} may not {action} (ask: {who})</source>
        <translation>{role}无权{action}（请找：{who}）</translation>
    </message>
    <message>
        <source>unknown role &apos;{text}&apos; (use one of: {allowed})</source>
        <translation>未知角色“{text}”（可用：{allowed}）</translation>
    </message>
    <message>
        <source>Pick the customer, or type the caller&apos;s name or contact.</source>
        <translation>请选择客户，或填写来电人的姓名或联系方式。</translation>
    </message>
    <message>
        <source>Write down what happened, in the customer&apos;s words.</source>
        <translation>请用客户的原话记下事情经过。</translation>
    </message>
    <message>
        <source>Say what the compensation was.</source>
        <translation>请写明补偿内容。</translation>
    </message>
    <message>
        <source>A compensation amount cannot be negative.</source>
        <translation>补偿金额不能为负数。</translation>
    </message>
    <message>
        <source>Not solved on the spot: tell the customer when we will reply.</source>
        <translation>未能当场解决：请告诉客户我们何时答复。</translation>
    </message>
    <message>
        <source>The reply time must be in the future.</source>
        <translation>答复时间必须晚于现在。</translation>
    </message>
    <message>
        <source>The reply time needs a time zone.</source>
        <translation>答复时间需要带时区。</translation>
    </message>
    <message>
        <source>There is no customer #{customer_id}.</source>
        <translation>没有编号为 #{customer_id} 的客户。</translation>
    </message>
    <message>
        <source>A new complaint is new, or resolved when solved on the spot.</source>
        <translation>新投诉的状态只能是“新建”，当场解决的为“已解决”。</translation>
    </message>
    <message>
        <source>A voided complaint cannot be edited.</source>
        <translation>已作废的投诉不能编辑。</translation>
    </message>
    <message>
        <source>Say why the complaint is voided.</source>
        <translation>请说明作废投诉的原因。</translation>
    </message>
    <message>
        <source>Record the follow-up call with the customer&apos;s satisfaction.</source>
        <translation>请登记回访电话并记下客户满意度。</translation>
    </message>
    <message>
        <source>satisfaction must be {low}–{high}</source>
        <translation>满意度须为 {low}–{high}</translation>
    </message>
    <message>
        <source>only an open complaint&apos;s promise can be extended</source>
        <translation>只有未结案投诉的答复时间可以延后</translation>
    </message>
    <message>
        <source>say why the promise is extended (the customer will ask)</source>
        <translation>请说明延后答复的原因（客户会问）</translation>
    </message>
    <message>
        <source>the new reply time must be in the future</source>
        <translation>新的答复时间必须晚于现在</translation>
    </message>
    <message>
        <source>an extension must be later than the current promise</source>
        <translation>延后的时间必须晚于当前承诺的时间</translation>
    </message>
    <message>
        <source>cannot {action} a complaint that is {status} (allowed: {allowed})</source>
        <translation>状态为“{status}”的投诉不能{action}（可以：{allowed}）</translation>
    </message>
    <message>
        <source>Keep each queue name under {limit} characters.</source>
        <translation>每个队列名称请少于 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{n}th</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>{n}st</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>{n}nd</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>{n}rd</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>every {nth} {noun} free</source>
        <translation>{noun}每{nth} 件免费</translation>
    </message>
    <message>
        <source>every {nth} {noun} earns {reward}</source>
        <translation>{noun}每{nth} 件可得：{reward}</translation>
    </message>
    <message>
        <source>{summary} — we promised an answer by {due}</source>
        <translation>{summary} — 我们承诺在 {due} 前答复</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>solved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <source>promised</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <source>dissatisfied at follow-up</source>
        <translation>回访时不满意</translation>
    </message>
    <message>
        <source>linked to customer #{customer_id}</source>
        <translation>已关联客户 #{customer_id}</translation>
    </message>
    <message>
        <source>console</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>整个公司</translation>
    </message>
    <message>
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>scope: {scope}</source>
        <translation>范围：{scope}</translation>
    </message>
    <message>
        <source>reward given</source>
        <translation>已发放奖励</translation>
    </message>
    <message>
        <source>merged into #{keep}</source>
        <translation>已合并到 #{keep}</translation>
    </message>
    <message>
        <source>#{other} merged into #{keep}</source>
        <translation>#{other} 已合并到 #{keep}</translation>
    </message>
    <message>
        <source>everything about the customer (JSON)</source>
        <translation>该客户的全部资料（JSON）</translation>
    </message>
    <message>
        <source>{count} entry as CSV</source>
        <translation>{count} 条记录（CSV）</translation>
    </message>
    <message>
        <source>{count} entries as CSV</source>
        <translation>{count} 条记录（CSV）</translation>
    </message>
    <message>
        <source>That name and PIN do not match an account.</source>
        <translation>姓名和 PIN 码对不上任何账号。</translation>
    </message>
    <message>
        <source>This account is switched off; ask an admin.</source>
        <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this account is locked for {minutes} more minute.</source>
        <translation>PIN 码错误次数过多：此账号还要锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this account is locked for {minutes} more minutes.</source>
        <translation>PIN 码错误次数过多：此账号还要锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>PIN 码错误</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>账号已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>账号已锁定</translation>
    </message>
    <message>
        <source>too many wrong PINs</source>
        <translation>PIN 码错误次数过多</translation>
    </message>
    <message>
        <source>an item</source>
        <translation>某件商品</translation>
    </message>
    <message>
        <source>Add at least one item</source>
        <translation>请至少添加一项商品</translation>
    </message>
    <message>
        <source>Every item needs a name</source>
        <translation>每项商品都需要名称</translation>
    </message>
    <message>
        <source>{name}: quantity must be at least 1</source>
        <translation>{name}：数量至少为 1</translation>
    </message>
    <message>
        <source>{name}: quantity {quantity} is more than {limit}</source>
        <translation>{name}：数量 {quantity} 超过上限 {limit}</translation>
    </message>
    <message>
        <source>{name}: price cannot be negative</source>
        <translation>{name}：价格不能为负数</translation>
    </message>
    <message>
        <source>{name}: price {price} is more than {limit}</source>
        <translation>{name}：价格 {price} 超过上限 {limit}</translation>
    </message>
    <message>
        <source>the purchase total {total} is more than {limit}</source>
        <translation>本次消费总额 {total} 超过上限 {limit}</translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation>隐藏的号码</translation>
    </message>
    <message>
        <source>this call is no longer in the log</source>
        <translation>这通来电已不在记录中</translation>
    </message>
    <message>
        <source>{number} is not a phone number</source>
        <translation>{number}不是电话号码</translation>
    </message>
    <message>
        <source>customer #{customer_id} no longer exists</source>
        <translation>客户 #{customer_id} 已不存在</translation>
    </message>
    <message>
        <source>there is already a staff member called &apos;{name}&apos;</source>
        <translation>已有名为“{name}”的员工</translation>
    </message>
    <message>
        <source>{reasons}</source>
        <translation>{reasons}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (save it as “CSV UTF-8” or JSON)</source>
        <translation>文件不是 UTF-8 文本（请另存为“CSV UTF-8”或 JSON）</translation>
    </message>
    <message>
        <source>broken CSV ({detail}); check the quotes on this row</source>
        <translation>CSV 格式损坏（{detail}），请检查这一行的引号</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found}</source>
        <translation>应有 {expected} 个单元格，实际有 {found} 个</translation>
    </message>
    <message>
        <source>{field} must be {yes} or {no}, not {value}</source>
        <translation>{field} 必须是 {yes} 或 {no}，不能是 {value}</translation>
    </message>
    <message>
        <source>{field} must be {yes} or {no}</source>
        <translation>{field} 必须是 {yes} 或 {no}</translation>
    </message>
    <message>
        <source>the file is empty (expected the header {header})</source>
        <translation>文件为空（应有表头 {header}）</translation>
    </message>
    <message>
        <source>the header must be {header} (optionally followed by {optional}), found {found}</source>
        <translation>表头必须是 {header}（后面可再加 {optional}），实际是 {found}</translation>
    </message>
    <message>
        <source>a JSON phrasebook must be a list of objects</source>
        <translation>JSON 话术库必须是对象列表</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>此处应为“,”或“]”</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套层级过深</translation>
    </message>
    <message>
        <source>unexpected text after the list</source>
        <translation>列表后面有多余的文字</translation>
    </message>
    <message>
        <source>broken JSON: {detail}</source>
        <translation>JSON 格式损坏：{detail}</translation>
    </message>
    <message>
        <source>holds a lone surrogate ({span}), not text</source>
        <translation>含有单独的代理码位（{span}），不是文本</translation>
    </message>
    <message>
        <source>each item must be an object with the phrasebook fields</source>
        <translation>每一项都必须是包含话术库字段的对象</translation>
    </message>
    <message>
        <source>unknown field(s) {names}</source>
        <translation>未知字段 {names}</translation>
    </message>
    <message>
        <source>{field} must be a string</source>
        <translation>{field} 必须是字符串</translation>
    </message>
    <message>
        <source>{field} must be a list of strings</source>
        <translation>{field} 必须是字符串列表</translation>
    </message>
    <message>
        <source>{field} item {item} contains &apos;{separator}&apos;, which CSV files cannot hold</source>
        <translation>{field} 中的 {item} 含有“{separator}”，CSV 文件无法保存</translation>
    </message>
    <message>
        <source>{field} is empty</source>
        <translation>{field} 为空</translation>
    </message>
    <message>
        <source>{field} is empty (use {some} or {last})</source>
        <translation>{field} 为空（请填 {some} 或 {last}）</translation>
    </message>
    <message>
        <source>a taboo row needs a {field} ({some} or {last})</source>
        <translation>禁忌词行需要填写 {field}（{some} 或 {last}）</translation>
    </message>
    <message>
        <source>an approved row needs a {field} ({allowed})</source>
        <translation>推荐话术行需要填写 {field}（{allowed}）</translation>
    </message>
    <message>
        <source>{field} is only for approved rows</source>
        <translation>{field} 只能用于推荐话术行</translation>
    </message>
    <message>
        <source>{field} is only for taboo rows</source>
        <translation>{field} 只能用于禁忌词行</translation>
    </message>
    <message>
        <source>{field} are only for taboo rows</source>
        <translation>{field} 只能用于禁忌词行</translation>
    </message>
    <message>
        <source>unknown {what} {text} (use one of: {allowed})</source>
        <translation>未知的 {what} {text}（可用：{allowed}）</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>第 {line} 行，{column} 列</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>byte {byte} is not UTF-8; save the file as UTF-8 (in Excel: &apos;CSV UTF-8&apos;)</source>
        <translation>字节 {byte} 不是 UTF-8；请将文件另存为 UTF-8（在 Excel 中选“CSV UTF-8”）</translation>
    </message>
    <message>
        <source>the file is not UTF-8; save the file as UTF-8 (in Excel: &apos;CSV UTF-8&apos;)</source>
        <translation>文件不是 UTF-8；请将文件另存为 UTF-8（在 Excel 中选“CSV UTF-8”）</translation>
    </message>
    <message>
        <source>a cell is longer than {limit} characters (is a closing quote missing?)</source>
        <translation>有单元格超过 {limit} 个字符（是否缺少右引号？）</translation>
    </message>
    <message>
        <source>a quoted cell that starts in this record is never closed</source>
        <translation>这条记录中有带引号的单元格没有结束引号</translation>
    </message>
    <message>
        <source>broken quoting in this record ({detail}); double a quote inside a cell</source>
        <translation>这条记录的引号有误（{detail}）；单元格内的引号请写两次</translation>
    </message>
    <message>
        <source>too many columns: {count}; at most {most}</source>
        <translation>列数过多：{count} 列；最多 {most} 列</translation>
    </message>
    <message>
        <source>unknown column {name} (allowed columns: {allowed})</source>
        <translation>未知的列 {name}（可用的列：{allowed}）</translation>
    </message>
    <message>
        <source>column {name} appears twice</source>
        <translation>{name} 列出现了两次</translation>
    </message>
    <message>
        <source>the header has no {name} column (allowed columns: {allowed})</source>
        <translation>表头缺少 {name} 列（可用的列：{allowed}）</translation>
    </message>
    <message>
        <source>the file is empty; expected a header row of customer columns</source>
        <translation>文件为空；应有一行客户资料的表头</translation>
    </message>
    <message>
        <source>the file is empty; expected a header row of purchase columns</source>
        <translation>文件为空；应有一行购买记录的表头</translation>
    </message>
    <message>
        <source>the record has {cells} cells but the header has {header}</source>
        <translation>这条记录有 {cells} 个单元格，但表头有 {header} 个</translation>
    </message>
    <message>
        <source>cell {position} has a value but its column has no header</source>
        <translation>第 {position} 个单元格有内容，但所在列没有表头</translation>
    </message>
    <message>
        <source>phone {phone} is already used on line {first}</source>
        <translation>电话 {phone} 已在第 {first} 行使用</translation>
    </message>
    <message>
        <source>phone {phone} is listed twice in this cell</source>
        <translation>电话 {phone} 在这个单元格中出现了两次</translation>
    </message>
    <message>
        <source>{text} is not a valid email address</source>
        <translation>{text} 不是有效的电子邮箱地址</translation>
    </message>
    <message>
        <source>email {email} is already used on line {first}</source>
        <translation>电子邮箱 {email} 已在第 {first} 行使用</translation>
    </message>
    <message>
        <source>member number {member_no} is already used on line {first}</source>
        <translation>会员号 {member_no} 已在第 {first} 行使用</translation>
    </message>
    <message>
        <source>the header needs a {member} or a {phone} column to find the customer</source>
        <translation>表头需要 {member} 或 {phone} 列才能找到客户</translation>
    </message>
    <message>
        <source>the row needs a member number or a phone number</source>
        <translation>这一行需要会员号或电话号码</translation>
    </message>
    <message>
        <source>quantity × price is more than {most}</source>
        <translation>数量 × 单价超过 {most}</translation>
    </message>
    <message>
        <source>{value} already belongs to {name} (#{customer_id})</source>
        <translation>{value} 已属于 {name}（#{customer_id}）</translation>
    </message>
    <message>
        <source>no customer with member {member_no}</source>
        <translation>没有会员号为 {member_no} 的客户</translation>
    </message>
    <message>
        <source>no customer with phone {phone}</source>
        <translation>没有电话为 {phone} 的客户</translation>
    </message>
    <message>
        <source>{text} is not a date (use {some} or {last})</source>
        <translation>{text} 不是日期（请用 {some} 或 {last}）</translation>
    </message>
    <message>
        <source>{text} is not a real date and time ({detail})</source>
        <translation>{text} 不是真实存在的日期时间（{detail}）</translation>
    </message>
    <message>
        <source>quantity {text} is not a positive whole number</source>
        <translation>数量 {text} 不是正整数</translation>
    </message>
    <message>
        <source>quantity {text} is more than {most}</source>
        <translation>数量 {text} 超过 {most}</translation>
    </message>
    <message>
        <source>{text} is not an amount of money (write for example {example})</source>
        <translation>{text} 不是金额（例如写成 {example}）</translation>
    </message>
    <message>
        <source>price {text} is more than {most}</source>
        <translation>单价 {text} 超过 {most}</translation>
    </message>
    <message>
        <source>price {text} is more than {most} per unit</source>
        <translation>单价 {text} 超过每件 {most}</translation>
    </message>
    <message>
        <source>price {text} is negative</source>
        <translation>单价 {text} 是负数</translation>
    </message>
    <message>
        <source>currency {text} is not a three-letter code such as {example}</source>
        <translation>币种 {text} 不是 {example} 这样的三字母代码</translation>
    </message>
    <message>
        <source>say why the customer is erased (e.g. &apos;customer asked&apos;)</source>
        <translation>请说明清除该客户资料的原因（例如：客户本人要求）</translation>
    </message>
    <message>
        <source>{target} is a folder or a device, not a file a backup can replace</source>
        <translation>{target} 是文件夹或设备，不是备份可以覆盖的文件</translation>
    </message>
    <message>
        <source>the backup copy failed its integrity check, so {target} was not written; the database itself may be damaged (details in the log)</source>
        <translation>备份副本未通过完整性检查，因此没有写入 {target}；数据库本身可能已损坏（详见日志）</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full, so the backup was not written; free some space (or choose another backup folder) and try again</source>
        <translation>{folder} 所在的磁盘已满，备份未写入；请腾出空间（或选择其他备份文件夹）后重试</translation>
    </message>
    <message>
        <source>the database is damaged, so no sound backup could be written to {target} (details in the log)</source>
        <translation>数据库已损坏，无法向 {target} 写入完好的备份（详见日志）</translation>
    </message>
    <message>
        <source>the backup to {target} failed: {detail}</source>
        <translation>备份到 {target} 失败：{detail}</translation>
    </message>
    <message>
        <source>the backup to {target} could not be written: {detail}</source>
        <translation>无法写入备份 {target}：{detail}</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} 不是文件</translation>
    </message>
    <message>
        <source>{path} is not a Service Console backup (not an SQLite file), or it is encrypted with a key this database does not have; nothing changed</source>
        <translation>{path} 不是 Service Console 的备份（不是 SQLite 文件），或者它用本数据库没有的密钥加密；未作任何更改</translation>
    </message>
    <message>
        <source>{path} is encrypted with another key (or is not a backup); nothing changed</source>
        <translation>{path} 用另一个密钥加密（或者不是备份）；未作任何更改</translation>
    </message>
    <message>
        <source>{path} is damaged or cut short (details in the log); choose another backup — nothing changed</source>
        <translation>{path} 已损坏或不完整（详见日志）；请选择其他备份——未作任何更改</translation>
    </message>
    <message>
        <source>{path} could not be opened: {detail}</source>
        <translation>无法打开 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} is damaged (details in the log); choose another backup — nothing changed</source>
        <translation>{path} 已损坏（详见日志）；请选择其他备份——未作任何更改</translation>
    </message>
    <message>
        <source>{path} is not a Service Console backup; nothing changed</source>
        <translation>{path} 不是 Service Console 的备份；未作任何更改</translation>
    </message>
    <message>
        <source>{path} is damaged or not a database (details in the log); choose another backup — nothing changed</source>
        <translation>{path} 已损坏或不是数据库（详见日志）；请选择其他备份——未作任何更改</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Service Console (schema {schema}); update the app first — nothing changed</source>
        <translation>{path} 由更新版本的 Service Console 写入（数据结构版本 {schema}）；请先更新程序——未作任何更改</translation>
    </message>
    <message>
        <source>{path} belongs to another program; nothing changed</source>
        <translation>{path} 属于其他程序；未作任何更改</translation>
    </message>
    <message>
        <source>{backup} is plain but the database is encrypted; nothing changed</source>
        <translation>{backup} 未加密，但数据库已加密；未作任何更改</translation>
    </message>
    <message>
        <source>{backup} is encrypted but the database is plain; nothing changed</source>
        <translation>{backup} 已加密，但数据库未加密；未作任何更改</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>sign-in attempts</source>
        <translation>登录尝试记录</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>审计条目</translation>
    </message>
    <message>
        <source>sign-in attempt</source>
        <translation>登录尝试</translation>
    </message>
    <message>
        <source>inserted outside the app (it has no chain hash)</source>
        <translation>在应用之外插入（没有链哈希值）</translation>
    </message>
    <message>
        <source>inserted outside the app (after the recorded end of the chain)</source>
        <translation>在应用之外插入（位于记录的链尾之后）</translation>
    </message>
    <message>
        <source>{count} entry before it ({span}) missing (deleted)</source>
        <translation>它之前的 {count} 条记录（{span}）缺失（已被删除）</translation>
    </message>
    <message>
        <source>{count} entries before it ({span}) missing (deleted)</source>
        <translation>它之前的 {count} 条记录（{span}）缺失（已被删除）</translation>
    </message>
    <message>
        <source>inserted out of order: it does not follow the entry before it</source>
        <translation>插入顺序有误：它没有接在前一条记录之后</translation>
    </message>
    <message>
        <source>changed after it was recorded (who, when, what or which record differ)</source>
        <translation>记录后被修改（人员、时间、操作或所涉记录不一致）</translation>
    </message>
    <message>
        <source>changed after it was recorded (its field values differ)</source>
        <translation>记录后被修改（字段值不一致）</translation>
    </message>
    <message>
        <source>its field values were blanked without an erasure recording it</source>
        <translation>字段值被清空，却没有相应的清除记录</translation>
    </message>
    <message>
        <source>its time is not a time</source>
        <translation>它的时间不是有效时间</translation>
    </message>
    <message>
        <source>inserted out of order: dated before entry #{entry_id} ({at})</source>
        <translation>插入顺序有误：日期早于记录 #{entry_id}（{at}）</translation>
    </message>
    <message>
        <source>the newest entries ({span}) are missing (deleted)</source>
        <translation>最新的记录（{span}）缺失（已被删除）</translation>
    </message>
    <message>
        <source>replaced after it was recorded (the end differs)</source>
        <translation>记录后被替换（链尾不一致）</translation>
    </message>
    <message>
        <source>the number of entries differs</source>
        <translation>记录条数不一致</translation>
    </message>
    <message>
        <source>{chain} broken at {what} #{entry_id}: {problem}</source>
        <translation>{chain}在{what} #{entry_id} 处断裂：{problem}</translation>
    </message>
    <message>
        <source>{chain} broken at {what} #{entry_id} ({at}): {problem}</source>
        <translation>{chain}在{what} #{entry_id}（{at}）处断裂：{problem}</translation>
    </message>
    <message>
        <source>backed up {customers} customers to {path} ({size} bytes)</source>
        <translation>已将 {customers} 位客户备份到 {path}（{size} 字节）</translation>
    </message>
    <message>
        <source>warning: the backup was made, but the {problems}</source>
        <translation>警告：备份已完成，但{problems}</translation>
    </message>
    <message>
        <source>{file} is a sound backup ({customers} customers); add {option} to replace {live} with it (close the app first)</source>
        <translation>{file} 是完好的备份（{customers} 位客户）；加上 {option} 即可用它替换 {live}（请先关闭服务台）</translation>
    </message>
    <message>
        <source>{refusal} (nothing was restored)</source>
        <translation>{refusal}（未恢复任何内容）</translation>
    </message>
    <message>
        <source>restored {customers} customers into {live}</source>
        <translation>已将 {customers} 位客户恢复到 {live}</translation>
    </message>
    <message>
        <source>; the previous database was saved to {safety}</source>
        <translation>；原先的数据库已保存到 {safety}</translation>
    </message>
    <message>
        <source>; {count} customer(s) erased since that backup were erased again</source>
        <translation>；该备份之后清除的 {count} 位客户已再次清除</translation>
    </message>
    <message>
        <source>the passphrase needs at least {least} characters</source>
        <translation>口令至少需要 {least} 个字符</translation>
    </message>
    <message>
        <source>encrypted {path} ({tables} tables, {rows} rows) with your passphrase; the plain file was overwritten and removed</source>
        <translation>已用您的口令加密 {path}（{tables} 个表，{rows} 行）；未加密的文件已被覆盖并删除</translation>
    </message>
    <message>
        <source>encrypted {path} ({tables} tables, {rows} rows) with a key kept in this computer&apos;s keychain; the plain file was overwritten and removed</source>
        <translation>已用保存在本机密码钥匙串中的密钥加密 {path}（{tables} 个表，{rows} 行）；未加密的文件已被覆盖并删除</translation>
    </message>
    <message>
        <source>{option} must be at least 1</source>
        <translation>{option} 至少要是 1</translation>
    </message>
    <message>
        <source>give a {query} or {jsonl}, not both</source>
        <translation>请给出 {query} 或 {jsonl}，不要两个都给</translation>
    </message>
    <message>
        <source>give a {query} (or {jsonl} to read queries from stdin)</source>
        <translation>请给出 {query}（或用 {jsonl} 从标准输入读取查询）</translation>
    </message>
    <message>
        <source>give {text} or {jsonl}, not both</source>
        <translation>请给出 {text} 或 {jsonl}，不要两个都给</translation>
    </message>
    <message>
        <source>say what to import: {customers} or {purchases}</source>
        <translation>请说明要导入什么：{customers} 或 {purchases}</translation>
    </message>
    <message>
        <source>say what to export: {customers}</source>
        <translation>请说明要导出什么：{customers}</translation>
    </message>
    <message>
        <source>say what to do: {import_} or {export}</source>
        <translation>请说明要做什么：{import_} 或 {export}</translation>
    </message>
    <message>
        <source>say what to do: {actions} or {last}</source>
        <translation>请说明要做什么：{actions} 或 {last}</translation>
    </message>
    <message>
        <source>{option} {region} is not a region code such as {examples} or {last}</source>
        <translation>{option} {region} 不是地区代码（例如 {examples} 或 {last}）</translation>
    </message>
    <message>
        <source>{problem}; or say {option}</source>
        <translation>{problem}；或者指定 {option}</translation>
    </message>
    <message>
        <source>{option} must be between 1 and 65535</source>
        <translation>{option} 必须在 1 到 65535 之间</translation>
    </message>
    <message>
        <source>argument {number} holds a {nul} character, which no file name or text may</source>
        <translation>第 {number} 个参数含有 {nul} 字符，文件名和文本都不能含有它</translation>
    </message>
    <message>
        <source>argument {number} is not UTF-8 text</source>
        <translation>第 {number} 个参数不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>line {line}: not a JSON string</source>
        <translation>第 {line} 行：不是 JSON 字符串</translation>
    </message>
    <message>
        <source>stdin line {line}: not a JSON string</source>
        <translation>标准输入第 {line} 行：不是 JSON 字符串</translation>
    </message>
    <message>
        <source>stdin is not UTF-8 text</source>
        <translation>标准输入不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>no customer found</source>
        <translation>没有找到客户</translation>
    </message>
    <message>
        <source>{path} is the demo database and already holds {count} made-up customers; open it with: {command}</source>
        <translation>{path} 是演示数据库，已有 {count} 位虚构客户；打开方式：{command}</translation>
    </message>
    <message>
        <source>… {count} customers</source>
        <translation>…… {count} 位客户</translation>
    </message>
    <message>
        <source>added {customers} customers, {visits} visits and {purchases} purchases to {path}</source>
        <translation>已向 {path} 添加 {customers} 位客户、{visits} 次到店和 {purchases} 笔消费</translation>
    </message>
    <message>
        <source>they are made up, so the file is marked as a demo database (export refuses it); open it with: {command}</source>
        <translation>这些都是虚构的，因此该文件已标记为演示数据库（导出会拒绝它）；打开方式：{command}</translation>
    </message>
    <message>
        <source>added {count} complaints</source>
        <translation>已添加 {count} 条投诉</translation>
    </message>
    <message>
        <source>{path} is a demo database of made-up customers, so nothing was exported; export your real customers from {real} instead.</source>
        <translation>{path} 是虚构客户的演示数据库，因此未导出任何内容；请改从 {real} 导出您的真实客户。</translation>
    </message>
    <message>
        <source>exported {count} customers to {path}</source>
        <translation>已将 {count} 位客户导出到 {path}</translation>
    </message>
    <message>
        <source>imported {count} entries into &quot;{name}&quot;: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged</source>
        <translation>已向“{name}”导入 {count} 条：新增 {added} 条，修改 {changed} 条，删除 {removed} 条，{unchanged} 条未变</translation>
    </message>
    <message>
        <source>imported {count} entries into &quot;{name}&quot; (new phrasebook): {added} added, {changed} changed, {removed} removed, {unchanged} unchanged</source>
        <translation>已向“{name}”（新话术库）导入 {count} 条：新增 {added} 条，修改 {changed} 条，删除 {removed} 条，{unchanged} 条未变</translation>
    </message>
    <message>
        <source>exported {count} entries of &quot;{name}&quot; to {path}</source>
        <translation>已将“{name}”的 {count} 条导出到 {path}</translation>
    </message>
    <message>
        <source>exported {count} entries of the active phrasebook to {path}</source>
        <translation>已将当前话术库的 {count} 条导出到 {path}</translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}</source>
        <translation>无法读取 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} cannot be written: {detail}</source>
        <translation>无法写入 {path}：{detail}</translation>
    </message>
    <message>
        <source>the default phrasebook: {problem}</source>
        <translation>默认话术库：{problem}</translation>
    </message>
    <message>
        <source>the disk is full: {path} was not completely written; free some space and try again</source>
        <translation>磁盘已满：{path} 没有完整写入；请腾出空间后重试</translation>
    </message>
    <message>
        <source>the disk is full: the output was not completely written; free some space and try again</source>
        <translation>磁盘已满：输出没有完整写入；请腾出空间后重试</translation>
    </message>
    <message>
        <source>{path} could not be used: {detail}</source>
        <translation>无法使用 {path}：{detail}</translation>
    </message>
    <message>
        <source>a file could not be used: {detail}</source>
        <translation>有个文件无法使用：{detail}</translation>
    </message>
    <message>
        <source>the input is nested too deeply to read</source>
        <translation>输入的嵌套层级太深，无法读取</translation>
    </message>
    <message>
        <source>unexpected error ({kind}); the command stopped — details are in {log}</source>
        <translation>意外错误（{kind}）；命令已停止——详情见 {log}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>{prog}: {problem} (see {prog} {help})</source>
        <translation>{prog}：{problem}（请看 {prog} {help}）</translation>
    </message>
    <message>
        <source>argument {argument_name}: {problem}</source>
        <translation>参数 {argument_name}：{problem}</translation>
    </message>
    <message>
        <source>the following arguments are required: {names}</source>
        <translation>缺少以下参数：{names}</translation>
    </message>
    <message>
        <source>one of the arguments {names} is required</source>
        <translation>必须给出以下参数之一：{names}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {names}</source>
        <translation>无法识别的参数：{names}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>无效的选择：{value}（可选：{choices}）</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>无效的 {type} 值：{value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多可以有一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>not allowed with argument {other}</source>
        <translation>不能与参数 {other} 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument {value}</source>
        <translation>已忽略显式给出的值 {value}</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>选项有歧义：{option} 可能是 {matches}</translation>
    </message>
    <message>
        <source>expected {count} argument</source>
        <translation>需要 {count} 个值</translation>
    </message>
    <message>
        <source>expected {count} arguments</source>
        <translation>需要 {count} 个值</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a port number</source>
        <translation>端口号</translation>
    </message>
    <message>
        <source>a record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>a count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>a limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>an offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>a seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>a number of customers</source>
        <translation>客户数量</translation>
    </message>
    <message>
        <source>an average number of purchases</source>
        <translation>平均消费笔数</translation>
    </message>
    <message>
        <source>a number of complaints</source>
        <translation>投诉数量</translation>
    </message>
    <message>
        <source>{text} is not {what}</source>
        <translation>{text} 不是{what}</translation>
    </message>
    <message>
        <source>{what} must be from {low} to {high}</source>
        <translation>{what}必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{text} is not a date like {example} ({form})</source>
        <translation>{text} 不是 {example} 这样的日期（{form}）</translation>
    </message>
    <message>
        <source>{text} is out of range: use a date from {earliest} to {latest}</source>
        <translation>{text} 超出范围：请用 {earliest} 到 {latest} 之间的日期</translation>
    </message>
    <message>
        <source>give the name you sign in with</source>
        <translation>请给出您登录时用的姓名</translation>
    </message>
    <message>
        <source>a name cannot hold control characters</source>
        <translation>姓名不能包含控制字符</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>{name} 的 PIN 码</translation>
    </message>
    <message>
        <source>new PIN or password for {name}</source>
        <translation>{name} 的新 PIN 码或密码</translation>
    </message>
    <message>
        <source>again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>{what}: </source>
        <translation>{what}：</translation>
    </message>
    <message>
        <source>{what} was expected on stdin</source>
        <translation>标准输入中应当有{what}</translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was added</source>
        <translation>两次输入的 PIN 码不一致；未添加任何账号</translation>
    </message>
    <message>
        <source>added {role} {name} (#{staff_id})</source>
        <translation>已添加{role} {name}（#{staff_id}）</translation>
    </message>
    <message>
        <source>say what to do: {add} or {list}</source>
        <translation>请说明要做什么：{add} 或 {list}</translation>
    </message>
    <message>
        <source>say what to do: {export} or {erase}</source>
        <translation>请说明要做什么：{export} 或 {erase}</translation>
    </message>
    <message>
        <source>erasing cannot be undone: add {option}</source>
        <translation>清除后无法撤销：请加上 {option}</translation>
    </message>
    <message>
        <source>accounts exist already: add {option} (an admin)</source>
        <translation>已经有账号了：请加上 {option}（一位管理员）</translation>
    </message>
    <message>
        <source>say who reads the trail: {command} (a manager or admin)</source>
        <translation>请说明谁来查看审计记录：{command}（经理或管理员）</translation>
    </message>
    <message>
        <source>{flag} must be a date like {example}, not {text}</source>
        <translation>{flag} 必须是 {example} 这样的日期，而不是 {text}</translation>
    </message>
    <message>
        <source>audit trail intact: {entries} entries (newest #{head_id}, hash {hash}); sign-in attempts intact: {attempts}</source>
        <translation>审计记录完整：{entries} 条（最新 #{head_id}，哈希值 {hash}）；登录尝试记录完整：{attempts} 条</translation>
    </message>
    <message>
        <source>no calls logged yet</source>
        <translation>还没有通话记录</translation>
    </message>
    <message>
        <source>{option} needs a phone number</source>
        <translation>{option} 需要一个电话号码</translation>
    </message>
    <message>
        <source>no call-event token yet: start the console once (it makes one), or set {env}</source>
        <translation>还没有来电事件令牌：请先启动一次服务台（它会生成令牌），或设置 {env}</translation>
    </message>
    <message>
        <source>the console at {url} refused the call ({status}): {detail}</source>
        <translation>{url} 上的服务台拒绝了这通来电（{status}）：{detail}</translation>
    </message>
    <message>
        <source>no console is listening at {url} ({reason}); is it running, and on this port ({port_option}, or the app&apos;s {app_option})?</source>
        <translation>{url} 上没有服务台在监听（{reason}）；它是否在运行，端口是否正确（{port_option}，或应用的 {app_option}）？</translation>
    </message>
    <message>
        <source>sent {event} from {number} ({call_id}) to {url}: accepted {reply}</source>
        <translation>已将来自 {number} 的 {event}（{call_id}）发送到 {url}：已接受 {reply}</translation>
    </message>
    <message>
        <source>{key} = {now}; was {was}</source>
        <translation>{key} = {now}；原为 {was}</translation>
    </message>
    <message>
        <source>{key} = {now} (the default); was {was}</source>
        <translation>{key} = {now}（默认值）；原为 {was}</translation>
    </message>
    <message>
        <source>say what to do: {command}</source>
        <translation>请说明要做什么：{command}</translation>
    </message>
    <message>
        <source>say what to report: {command}</source>
        <translation>请说明要报告什么：{command}</translation>
    </message>
    <message>
        <source>{option} cannot be negative</source>
        <translation>{option} 不能是负数</translation>
    </message>
    <message>
        <source>{overdue} lists open complaints; {option} {status} is not open</source>
        <translation>{overdue} 只列出未结的投诉；{option} {status} 不是未结状态</translation>
    </message>
    <message>
        <source>{flag} {text} is not a date such as {example}</source>
        <translation>{flag} {text} 不是 {example} 这样的日期</translation>
    </message>
    <message>
        <source>{start} must not be after {end}</source>
        <translation>{start} 不能晚于 {end}</translation>
    </message>
    <message>
        <source>{start} must not be after the end of the current month</source>
        <translation>{start} 不能晚于本月底</translation>
    </message>
    <message>
        <source>complaints {date_from} to {date_to}</source>
        <translation>投诉 {date_from} 至 {date_to}</translation>
    </message>
    <message>
        <source>complaints {date_from} to {date_to} at {store}</source>
        <translation>投诉 {date_from} 至 {date_to}，门店：{store}</translation>
    </message>
    <message>
        <source>received: {count}</source>
        <translation>收到：{count}</translation>
    </message>
    <message>
        <source>by category: {items}</source>
        <translation>按类别：{items}</translation>
    </message>
    <message>
        <source>by status: {items}</source>
        <translation>按状态：{items}</translation>
    </message>
    <message>
        <source>median first response: {first} min; median resolution: {resolution} h</source>
        <translation>首次回复时间中位数：{first} 分钟；解决时间中位数：{resolution} 小时</translation>
    </message>
    <message>
        <source>promises kept on time: {kept}/{made} ({pct})</source>
        <translation>按时兑现的承诺：{kept}/{made}（{pct}）</translation>
    </message>
    <message>
        <source>follow-ups within 7 days: {done}/{due} ({pct})</source>
        <translation>7 天内回访：{done}/{due}（{pct}）</translation>
    </message>
    <message>
        <source>dissatisfied at follow-up: {count}/{of} ({pct})</source>
        <translation>回访时不满意：{count}/{of}（{pct}）</translation>
    </message>
    <message>
        <source>repeat complainers: {repeat}; product feedback: {product}; training feedback: {training}</source>
        <translation>重复投诉的客户：{repeat}；产品反馈：{product}；培训反馈：{training}</translation>
    </message>
    <message>
        <source>say what to do: {first} or {second}</source>
        <translation>请说明要做什么：{first} 或 {second}</translation>
    </message>
    <message>
        <source>say which server: {option} (or set {env})</source>
        <translation>请说明是哪台服务器：{option}（或设置 {env}）</translation>
    </message>
    <message>
        <source>this server has staff already; admins add more with &apos;{command}&apos;</source>
        <translation>这台服务器已经有员工账号了；管理员可用“{command}”添加更多</translation>
    </message>
    <message>
        <source>database ready; added admin {name} (#{staff_id})</source>
        <translation>数据库已就绪；已添加管理员 {name}（#{staff_id}）</translation>
    </message>
    <message>
        <source>one console can enrol with this code in the next {hours} hours: {command}</source>
        <translation>在接下来的 {hours} 小时内，可有一台服务台用这个代码注册：{command}</translation>
    </message>
    <message>
        <source>enrolled as console #{console_id}, but {problem}; ask for a new code</source>
        <translation>已注册为服务台 #{console_id}，但{problem}；请索取新的代码</translation>
    </message>
    <message>
        <source>enrolled as console #{console_id} ({name}) with {url}</source>
        <translation>已在 {url} 注册为服务台 #{console_id}（{name}）</translation>
    </message>
    <message>
        <source>this console is not enrolled with {url}: run &apos;{command}&apos; (or set {env})</source>
        <translation>这台服务台尚未在 {url} 注册：请运行“{command}”（或设置 {env}）</translation>
    </message>
    <message>
        <source>console #{console_id} ({name}) is revoked</source>
        <translation>服务台 #{console_id}（{name}）已被撤销</translation>
    </message>
    <message>
        <source>the keychain could not be loaded ({kind})</source>
        <translation>无法加载密码钥匙串（{kind}）</translation>
    </message>
    <message>
        <source>no safe keychain is available on this computer (keyring backend: {backend}); a headless {system} machine needs a {service} such as {first} or {second}</source>
        <translation>这台电脑没有可用的安全密码钥匙串（钥匙串后端：{backend}）；没有图形界面的 {system} 电脑需要 {service}，例如 {first} 或 {second}</translation>
    </message>
    <message>
        <source>the keychain did not keep the database key</source>
        <translation>密码钥匙串没有保存数据库密钥</translation>
    </message>
    <message>
        <source>the keychain refused to keep the database key ({detail})</source>
        <translation>密码钥匙串拒绝保存数据库密钥（{detail}）</translation>
    </message>
    <message>
        <source>{problem}. The database is encrypted, so it needs a passphrase instead: the window asks for one, scripts set {env}</source>
        <translation>{problem}。数据库已加密，因此需要改用口令：窗口会询问口令，脚本请设置 {env}</translation>
    </message>
    <message>
        <source>{path} is encrypted and this computer&apos;s keychain holds no key for it; type its passphrase (scripts: {env})</source>
        <translation>{path} 已加密，而这台电脑的密码钥匙串中没有它的密钥；请输入它的口令（脚本：{env}）</translation>
    </message>
    <message>
        <source>{path} is locked with this computer&apos;s keychain, not a passphrase; unset {env}</source>
        <translation>{path} 是用这台电脑的密码钥匙串加密的，不是口令；请取消设置 {env}</translation>
    </message>
    <message>
        <source>{path} is locked with this computer&apos;s keychain, not a passphrase; open it without a passphrase</source>
        <translation>{path} 是用这台电脑的密码钥匙串加密的，不是口令；请不用口令直接打开</translation>
    </message>
    <message>
        <source>the OS keychain cannot be used ({detail})</source>
        <translation>无法使用系统的密码钥匙串（{detail}）</translation>
    </message>
    <message>
        <source>{problem}; set {env} to a long random token instead</source>
        <translation>{problem}；请改为把 {env} 设置成一个较长的随机令牌</translation>
    </message>
    <message>
        <source>{problem}; enrol with {option} and set {env} instead</source>
        <translation>{problem}；请改用 {option} 注册，并设置 {env}</translation>
    </message>
    <message>
        <source>the keychain did not keep the console&apos;s token</source>
        <translation>密码钥匙串没有保存服务台的令牌</translation>
    </message>
    <message>
        <source>give {db} (a database file) or {server} (a console server), not both</source>
        <translation>请给出 {db}（数据库文件）或 {server}（服务台服务器），不能同时给出</translation>
    </message>
    <message>
        <source>{command} follows a console server&apos;s changes: give {option} URL (or set {env})</source>
        <translation>{command} 跟踪控制台服务器上的变更：请给出 {option} 网址（或设置 {env}）</translation>
    </message>
    <message>
        <source>{command} fills a file of its own with made-up customers, never a team&apos;s server (its data is real): run it without {option}</source>
        <translation>{command} 只会把虚构的顾客填进它自己的文件，绝不会填进团队的服务器（那里是真实数据）：请不加 {option} 运行</translation>
    </message>
    <message>
        <source>{command} works on a database file; a team&apos;s data is in the console server&apos;s {database} database: back it up there with {dump} or {base_backup} ({where})</source>
        <translation>{command} 用于数据库文件；团队的数据在服务台服务器的 {database} 数据库中：请在那里用 {dump} 或 {base_backup} 备份（{where}）</translation>
    </message>
    <message>
        <source>say what to do: {init}, {enrol_code} or {grant}</source>
        <translation>请说明要做什么：{init}、{enrol_code} 或 {grant}</translation>
    </message>
    <message>
        <source>{role} may now run the server on this database (the audit trail stays append-only for it)</source>
        <translation>{role} 现在可以在这个数据库上运行服务器（对它而言审计记录只能追加）</translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>上次到店 {date}</translation>
    </message>
    <message>
        <source>last never</source>
        <translation>从未到店</translation>
    </message>
    <message>
        <source>(switched off)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>购买记录</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>phrasebook</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户（批量）</translation>
    </message>
    <message>
        <source>complaint report</source>
        <translation>投诉报表</translation>
    </message>
    <message>
        <source>{entity} #{entity_id}</source>
        <translation>{entity} #{entity_id}</translation>
    </message>
    <message>
        <source>one of {candidates}</source>
        <translation>可能是 {candidates} 之一</translation>
    </message>
    <message>
        <source>enrolled {at}</source>
        <translation>注册于 {at}</translation>
    </message>
    <message>
        <source>revoked {at} by {by}</source>
        <translation>已于 {at} 被 {by} 撤销</translation>
    </message>
    <message>
        <source>(no replacement)</source>
        <translation>（无替换说法）</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time}后</translation>
    </message>
    <message>
        <source>overdue {time}</source>
        <translation>已超时 {time}</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>1 day {hours} h</source>
        <translation>1 天 {hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>那是一个文件夹</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>{path} was not written: {reason}; any previous file there was left unchanged.</source>
        <translation>未写入 {path}：{reason}；那里原有的文件保持不变。</translation>
    </message>
    <message>
        <source>{path} was not written: it is a folder or a device, not a file; nothing there was changed.</source>
        <translation>未写入 {path}：那是文件夹或设备，不是文件；那里没有任何改动。</translation>
    </message>
    <message>
        <source>no customer #{customer_id}</source>
        <translation>没有 #{customer_id} 号客户</translation>
    </message>
    <message>
        <source>{option} {text} is not {form}</source>
        <translation>{option} {text} 不是 {form} 格式</translation>
    </message>
    <message>
        <source>{option} {text}: write an {ip} address in brackets, {example}</source>
        <translation>{option} {text}：{ip} 地址请写在方括号中，例如 {example}</translation>
    </message>
    <message>
        <source>{option} {text}: the port must be from {low} to {high}</source>
        <translation>{option} {text}：端口必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{option} {text}: {host} is not a host name or address</source>
        <translation>{option} {text}：{host} 不是主机名或地址</translation>
    </message>
    <message>
        <source>give both {cert} and {key} ({kind} files), or neither</source>
        <translation>请同时给出 {cert} 和 {key}（{kind} 文件），或者都不给</translation>
    </message>
    <message>
        <source>listening on {host} needs {tls}: give {cert} and {key} (plain {http} only on {first}, {second} or {third})</source>
        <translation>在 {host} 上监听需要 {tls}：请给出 {cert} 和 {key}（只有 {first}、{second} 或 {third} 可以用不加密的 {http}）</translation>
    </message>
    <message>
        <source>the {tls} file {filename} does not exist</source>
        <translation>{tls} 文件 {filename} 不存在</translation>
    </message>
    <message>
        <source>the {tls} certificate and key cannot be used ({detail})</source>
        <translation>无法使用该 {tls} 证书和私钥（{detail}）</translation>
    </message>
    <message>
        <source>{option} must be a {kind} address: {example}</source>
        <translation>{option} 必须是 {kind} 地址：{example}</translation>
    </message>
    <message>
        <source>{role} is not a {kind} role name</source>
        <translation>{role} 不是 {kind} 角色名</translation>
    </message>
    <message>
        <source>there is no {kind} role {role}: create it first ({command})</source>
        <translation>没有 {kind} 角色 {role}：请先创建它（{command}）</translation>
    </message>
    <message>
        <source>the rights could not be granted: {detail}</source>
        <translation>无法授予权限：{detail}</translation>
    </message>
    <message>
        <source>{program} server on {url} ({keys} stops)</source>
        <translation>{program} 服务器运行于 {url}（按 {keys} 停止）</translation>
    </message>
    <message>
        <source>the console server at {url} cannot be reached ({reason})</source>
        <translation>无法连接到 {url} 的服务台服务器（{reason}）</translation>
    </message>
    <message>
        <source>{url} answered {http} {status} without the console protocol: is it a console server?</source>
        <translation>{url} 以 {http} {status} 回应，但没有使用服务台协议：它是服务台服务器吗？</translation>
    </message>
    <message>
        <source>{text} is not a server address like {example}</source>
        <translation>{text} 不是服务器地址（例如 {example}）</translation>
    </message>
    <message>
        <source>{text}: give only the server&apos;s address, {example}</source>
        <translation>{text}：请只给出服务器的地址，例如 {example}</translation>
    </message>
    <message>
        <source>{text}: the port must be from {low} to {high}</source>
        <translation>{text}：端口必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{text}: a server on another computer is reached with {https} only (PINs and tokens never cross a network in clear)</source>
        <translation>{text}：其他电脑上的服务器只能用 {https} 连接（PIN 码和令牌绝不以明文经过网络）</translation>
    </message>
    <message>
        <source>this enrolment code is unknown, used or expired; make a new one on the server with: {command}</source>
        <translation>这个注册代码无效、已用过或已过期；请在服务器上生成新的代码：{command}</translation>
    </message>
    <message>
        <source>this console is not enrolled with the server: enrol it with a code</source>
        <translation>这台服务台尚未在服务器注册：请用代码注册</translation>
    </message>
    <message>
        <source>this console was revoked by an admin; enrol it again with a new code</source>
        <translation>这台服务台已被管理员撤销；请用新的代码重新注册</translation>
    </message>
    <message>
        <source>sign in first (or again: the session ended)</source>
        <translation>请先登录（或重新登录：会话已结束）</translation>
    </message>
    <message>
        <source>the server could not do this; see its log</source>
        <translation>服务器无法完成此操作；请查看它的日志</translation>
    </message>
    <message>
        <source>this app is too old for the server (protocol {version}; the server speaks {oldest}–{newest}): update the app</source>
        <translation>此应用对这台服务器来说太旧了（协议 {version}；服务器支持 {oldest}–{newest}）：请更新应用</translation>
    </message>
    <message>
        <source>this server speaks protocol {oldest}–{newest} and the app {version}: update the server, or use the app it goes with</source>
        <translation>这台服务器支持协议 {oldest}–{newest}，而应用使用 {version}：请更新服务器，或使用与它配套的应用</translation>
    </message>
    <message>
        <source>there is no console #{console_id}</source>
        <translation>没有服务台 #{console_id}</translation>
    </message>
    <message>
        <source>a request may carry at most {limit} bytes</source>
        <translation>一个请求最多可携带 {limit} 字节</translation>
    </message>
    <message>
        <source>a file sent to the console server may be at most {limit} bytes</source>
        <translation>发送到服务台服务器的文件最多 {limit} 字节</translation>
    </message>
    <message>
        <source>the console server holds no file {upload} from this console (never sent, used already, expired, or another console&apos;s): send the file again</source>
        <translation>服务台服务器上没有这台服务台的文件 {upload}（从未发送、已使用、已过期，或属于另一台服务台）：请重新发送文件</translation>
    </message>
    <message>
        <source>the file {upload} is not complete on the console server ({received} of {size} bytes): send the file again</source>
        <translation>文件 {upload} 在服务台服务器上不完整（{received}/{size} 字节）：请重新发送文件</translation>
    </message>
    <message>
        <source>restore the latest good backup with `{command}`</source>
        <translation>请用 `{command}` 恢复最近一次完好的备份</translation>
    </message>
    <message>
        <source>the disk holding {path} is full, so the last change was not saved; free some space and try again</source>
        <translation>{path} 所在的磁盘已满，最后一次更改未保存；请腾出空间后重试</translation>
    </message>
    <message>
        <source>{path} is in use: another program is writing to it and did not finish within {seconds} seconds; close the other program (or wait for it) and try again</source>
        <translation>{path} 正在使用中：另一个程序正在写入，且在 {seconds} 秒内没有完成；请关闭那个程序（或等它完成）后重试</translation>
    </message>
    <message>
        <source>{path} is damaged (its pages do not check out); {hint}</source>
        <translation>{path} 已损坏（它的页面校验不通过）；{hint}</translation>
    </message>
    <message>
        <source>{path} is shorter than its header says (it was cut off, e.g. by an interrupted copy or a full disk); {hint}</source>
        <translation>{path} 比文件头声明的短（文件被截断了，例如复制中断或磁盘已满）；{hint}</translation>
    </message>
    <message>
        <source>the key does not open {path}: it is not this database&apos;s key (or passphrase), or the file is not a Service Console database; it was left untouched</source>
        <translation>密钥无法打开 {path}：它不是这个数据库的密钥（或口令），或者该文件不是 Service Console 数据库；文件保持原样</translation>
    </message>
    <message>
        <source>the key does not open {path}: this computer&apos;s keychain holds a key made for it, so its first page is most likely damaged; {hint}</source>
        <translation>密钥无法打开 {path}：本机密码钥匙串中有为它生成的密钥，因此它的第一页很可能已损坏；{hint}</translation>
    </message>
    <message>
        <source>{path} could not be read or written (a disk error); check the disk, then try again — if it keeps failing, {hint}</source>
        <translation>无法读写 {path}（磁盘错误）；请检查磁盘后重试——如果一直失败，{hint}</translation>
    </message>
    <message>
        <source>the database could not switch to {wal} mode (got {mode})</source>
        <translation>数据库无法切换到 {wal} 模式（得到的是 {mode}）</translation>
    </message>
    <message>
        <source>{path} is on a network drive; SQLite&apos;s locking is unsafe there, so keep the database on a local disk</source>
        <translation>{path} 位于网络驱动器上；SQLite 的锁定在那里不安全，请把数据库放在本地磁盘上</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>{path} is a device or other special file, not a database file</source>
        <translation>{path} 是设备或其他特殊文件，不是数据库文件</translation>
    </message>
    <message>
        <source>{path} cannot be read and written by this user</source>
        <translation>当前用户无法读写 {path}</translation>
    </message>
    <message>
        <source>{path} is encrypted or not a Service Console database (not a plain SQLite file); it was left untouched</source>
        <translation>{path} 已加密，或者不是 Service Console 数据库（不是普通的 SQLite 文件）；文件保持原样</translation>
    </message>
    <message>
        <source>{path} is not a Service Console database (not an SQLite file); it was left untouched</source>
        <translation>{path} 不是 Service Console 数据库（不是 SQLite 文件）；文件保持原样</translation>
    </message>
    <message>
        <source>{path} is an SQLite file of another program, not a Service Console database; it was left untouched</source>
        <translation>{path} 是其他程序的 SQLite 文件，不是 Service Console 数据库；文件保持原样</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Service Console (schema {found}, this app knows up to {known}); please update the app — the database was left untouched</source>
        <translation>{path} 由更新版本的 Service Console 写入（结构版本 {found}，此应用最高只认识 {known}）；请更新应用——数据库保持原样</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} is already encrypted</source>
        <translation>{path} 已经加密</translation>
    </message>
    <message>
        <source>the encrypted copy does not match the database; nothing changed</source>
        <translation>加密副本与数据库不一致；没有做任何更改</translation>
    </message>
    <message>
        <source>the database at {where} is too busy to save this now; try again</source>
        <translation>{where} 的数据库正忙，现在无法保存；请重试</translation>
    </message>
    <message>
        <source>the database at {where} refused the server&apos;s credentials</source>
        <translation>{where} 的数据库拒绝了服务器的凭据</translation>
    </message>
    <message>
        <source>the database at {where} is out of disk space; nothing was saved</source>
        <translation>{where} 的数据库磁盘空间不足；没有保存任何内容</translation>
    </message>
    <message>
        <source>the database at {where} took too long to answer; try again</source>
        <translation>{where} 的数据库响应超时；请重试</translation>
    </message>
    <message>
        <source>the database at {where} cannot be reached; try again</source>
        <translation>无法连接到 {where} 的数据库；请重试</translation>
    </message>
    <message>
        <source>the database at {where} does not allow this change</source>
        <translation>{where} 的数据库不允许这项更改</translation>
    </message>
    <message>
        <source>the database connection is closed</source>
        <translation>数据库连接已关闭</translation>
    </message>
    <message>
        <source>{problem}; encrypt with a passphrase instead</source>
        <translation>{problem}；请改用口令加密</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reword before saving: {terms} must not be said to a customer.</source>
        <translation>保存前请改写：不能对客户说{terms}。</translation>
    </message>
    <message>
        <source>&quot;{term}&quot;</source>
        <translation>“{term}”</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name</source>
        <translation>请输入客户姓名</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an email address</source>
        <translation>“{text}”不是有效的电子邮箱</translation>
    </message>
    <message>
        <source>{numbers} is not a phone number in +country form</source>
        <translation>{numbers}不是带 + 国家代码的电话号码</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <source>Type the staff member&apos;s name.</source>
        <translation>请输入员工姓名。</translation>
    </message>
    <message>
        <source>Keep the name under {limit} characters.</source>
        <translation>姓名请少于 {limit} 个字符。</translation>
    </message>
    <message>
        <source>An extension is digits only (e.g. 2041).</source>
        <translation>分机号只能是数字（如 2041）。</translation>
    </message>
    <message>
        <source>the first account must be an admin</source>
        <translation>第一个账号必须是管理员</translation>
    </message>
    <message>
        <source>a PIN has {low}–{high} digits</source>
        <translation>PIN 码为 {low}–{high} 位数字</translation>
    </message>
    <message>
        <source>choose a PIN that is not a run or repeat of one digit</source>
        <translation>PIN 码不能是连续数字或同一数字重复</translation>
    </message>
    <message>
        <source>a password has at least {low} characters (or use a 4–8 digit PIN)</source>
        <translation>密码至少 {low} 个字符（或使用 4–8 位数字的 PIN 码）</translation>
    </message>
    <message>
        <source>a password cannot be only spaces</source>
        <translation>密码不能全是空格</translation>
    </message>
    <message>
        <source>entry #{id}</source>
        <translation>条目 #{id}</translation>
    </message>
    <message>
        <source>entry {position}</source>
        <translation>第 {position} 条</translation>
    </message>
    <message>
        <source>the new entry</source>
        <translation>新条目</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>{entry}: {what}</source>
        <translation>{entry}：{what}</translation>
    </message>
    <message>
        <source>the {kind} text is empty.</source>
        <translation>{kind}条目的文字为空。</translation>
    </message>
    <message>
        <source>taboo term &apos;{term}&apos; has no severity (block, warn or hint).</source>
        <translation>禁用语“{term}”没有严重程度（拦截、警告或提示）。</translation>
    </message>
    <message>
        <source>exception &apos;{exception}&apos; does not contain the term &apos;{term}&apos;, so it never applies.</source>
        <translation>例外“{exception}”不包含禁用语“{term}”，所以永远不会生效。</translation>
    </message>
    <message>
        <source>replacement &apos;{item}&apos; contains &apos;|&apos;, which separates replacements in phrasebook files.</source>
        <translation>替换说法“{item}”包含“|”，而话术库文件用它分隔替换说法。</translation>
    </message>
    <message>
        <source>exception &apos;{item}&apos; contains &apos;|&apos;, which separates exceptions in phrasebook files.</source>
        <translation>例外“{item}”包含“|”，而话术库文件用它分隔例外。</translation>
    </message>
    <message>
        <source>replacement &apos;{replacement}&apos; for &apos;{term}&apos; is itself flagged by taboo term &apos;{taboo}&apos; ({other}).</source>
        <translation>“{term}”的替换说法“{replacement}”本身会被禁用语“{taboo}”（{other}）标出。</translation>
    </message>
    <message>
        <source>approved phrase &apos;{text}&apos; has no situation.</source>
        <translation>推荐话术“{text}”没有设定场景。</translation>
    </message>
    <message>
        <source>taboo term &apos;{term}&apos; is also an approved phrase ({other}).</source>
        <translation>禁用语“{term}”同时也是推荐话术（{other}）。</translation>
    </message>
    <message>
        <source>approved phrase &apos;{text}&apos; would be flagged: it contains taboo term &apos;{term}&apos; ({other}).</source>
        <translation>推荐话术“{text}”会被标出：其中含有禁用语“{term}”（{other}）。</translation>
    </message>
    <message>
        <source>Duplicate taboo term &apos;{term}&apos;: {entries} are the same after ignoring case, width, spacing and Simplified/Traditional.</source>
        <translation>禁用语“{term}”重复：{entries}在忽略大小写、全半角、空格和简繁体后相同。</translation>
    </message>
    <message>
        <source>Duplicate approved phrase &apos;{text}&apos;: {entries} are the same after ignoring case, width and spacing.</source>
        <translation>推荐话术“{text}”重复：{entries}在忽略大小写、全半角和空格后相同。</translation>
    </message>
    <message>
        <source>phone number is empty</source>
        <translation>电话号码为空</translation>
    </message>
    <message>
        <source>{text} is not a phone number</source>
        <translation>{text} 不是电话号码</translation>
    </message>
    <message>
        <source>{text} is not a valid phone number for region {region}</source>
        <translation>{text} 不是地区 {region} 的有效电话号码</translation>
    </message>
    <message>
        <source>month {month} is not between 1 and 12</source>
        <translation>月份 {month} 不在 1 到 12 之间</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>年份 {year} 超出范围</translation>
    </message>
    <message>
        <source>{date} is not a date</source>
        <translation>{date} 不是有效日期</translation>
    </message>
    <message>
        <source>{text} is not a date (use {full}, or {partial} if the year is unknown)</source>
        <translation>{text} 不是日期（请用 {full}；不知道年份时用 {partial}）</translation>
    </message>
    <message>
        <source>unknown tier {text} (use one of: {allowed})</source>
        <translation>未知的会员等级 {text}（请用以下之一：{allowed}）</translation>
    </message>
    <message>
        <source>price is empty</source>
        <translation>价格为空</translation>
    </message>
    <message>
        <source>{text} is not an amount of money</source>
        <translation>{text} 不是金额</translation>
    </message>
    <message>
        <source>{text} is not an amount of money (at most 2 decimals)</source>
        <translation>{text} 不是金额（最多两位小数）</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file</source>
        <translation>{path} 不存在或不是文件</translation>
    </message>
    <message>
        <source>{count} bad row(s); nothing was imported (fix them, or use {option} to import the good rows)</source>
        <translation>{count} 行有误，未导入任何内容（请修正，或用 {option} 只导入无误的行）</translation>
    </message>
    <message>
        <source>imported {count} customers; skipped {bad} bad row(s)</source>
        <translation>已导入 {count} 位客户；跳过 {bad} 行有误的数据</translation>
    </message>
    <message>
        <source>imported {count} purchases; skipped {bad} bad row(s)</source>
        <translation>已导入 {count} 条消费记录；跳过 {bad} 行有误的数据</translation>
    </message>
    <message>
        <source>would import {count} customers; skipped {bad} bad row(s)</source>
        <translation>将导入 {count} 位客户；跳过 {bad} 行有误的数据</translation>
    </message>
    <message>
        <source>would import {count} purchases; skipped {bad} bad row(s)</source>
        <translation>将导入 {count} 条消费记录；跳过 {bad} 行有误的数据</translation>
    </message>
    <message>
        <source>{count} bad row(s); nothing was imported</source>
        <translation>{count} 行有误，未导入任何内容</translation>
    </message>
    <message>
        <source>{count} problem(s); nothing was imported</source>
        <translation>{count} 个问题，未导入任何内容</translation>
    </message>
    <message>
        <source>unknown phrasebook format {text} (use {csv} or {json})</source>
        <translation>未知的话术库格式 {text}（请用 {csv} 或 {json}）</translation>
    </message>
    <message>
        <source>{path} has no extension; use {csv} or {json}</source>
        <translation>{path} 没有扩展名；请用 {csv} 或 {json}</translation>
    </message>
    <message>
        <source>entry {number} ({text}): {field} {item} contains &apos;{separator}&apos;</source>
        <translation>第 {number} 条（{text}）：{field} {item} 含有“{separator}”</translation>
    </message>
    <message>
        <source>cannot write the phrasebook: {problems}</source>
        <translation>无法写出话术库：{problems}</translation>
    </message>
    <message>
        <source>the restore into {live} failed: {detail}</source>
        <translation>恢复到 {live} 失败：{detail}</translation>
    </message>
    <message>
        <source>{live} failed its integrity check after the restore (details in the log)</source>
        <translation>恢复后的 {live} 未通过完整性检查（详见日志）</translation>
    </message>
    <message>
        <source>audit trail intact</source>
        <translation>审计记录完整</translation>
    </message>
    <message>
        <source>WARNING: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
    <message>
        <source>scheduled; {note}</source>
        <translation>定时备份；{note}</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
    <message>
        <source>erased customer #{customer_id}: personal data removed from the database, search index rewritten, {redacted} audit entries redacted</source>
        <translation>已清除客户 #{customer_id}：个人资料已从数据库删除，搜索索引已重建，{redacted} 条审计记录已遮蔽</translation>
    </message>
    <message>
        <source>could not finish: another program is reading the database, so old copies of the data are still in its write-ahead log; they are removed when every program using the database has closed it (or erase again once it has)</source>
        <translation>未能完成：另一个程序正在读取数据库，旧的资料副本仍留在其预写日志中；待所有使用该数据库的程序都关闭后即会删除（或在那之后再清除一次）</translation>
    </message>
    <message>
        <source>older backups still hold this customer until they are deleted (scheduled backups are switched off, so none rotates out)</source>
        <translation>较早的备份仍保存着这位客户，直到它们被删除（定时备份已关闭，因此不会有备份被轮换掉）</translation>
    </message>
    <message>
        <source>older backups still hold this customer until {when} when the oldest is rotated out</source>
        <translation>较早的备份仍保存着这位客户，直到 {when} 最旧的一份被轮换掉</translation>
    </message>
    <message>
        <source>{count} manual or pre-restore backup(s) hold this customer until someone deletes them</source>
        <translation>{count} 份手动或恢复前的备份仍保存着这位客户，直到有人删除它们</translation>
    </message>
</context>
<context>
    <name>OccasionWords</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>turns %n</source>
        <translation>
            <numerusform>%n岁</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n周年</numerusform>
        </translation>
    </message>
    <message>
        <source>{occasion} ({years})</source>
        <translation>{occasion}（{years}）</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Birthday {when}</source>
        <translation>{when}生日</translation>
    </message>
    <message>
        <source>{occasion} {when}</source>
        <translation>{when}：{occasion}</translation>
    </message>
</context>
<context>
    <name>Occasions</name>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>结婚纪念日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Wife&apos;s birthday</source>
        <translation>妻子生日</translation>
    </message>
    <message>
        <source>Husband&apos;s birthday</source>
        <translation>丈夫生日</translation>
    </message>
    <message>
        <source>Partner&apos;s birthday</source>
        <translation>伴侣生日</translation>
    </message>
    <message>
        <source>Daughter&apos;s birthday</source>
        <translation>女儿生日</translation>
    </message>
    <message>
        <source>Son&apos;s birthday</source>
        <translation>儿子生日</translation>
    </message>
    <message>
        <source>Child&apos;s birthday</source>
        <translation>孩子生日</translation>
    </message>
    <message>
        <source>Mother&apos;s birthday</source>
        <translation>母亲生日</translation>
    </message>
    <message>
        <source>Father&apos;s birthday</source>
        <translation>父亲生日</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Service Console — passphrase</source>
        <extracomment>Wide enough for a sentence per line or two, narrow enough to read (and to fit any screen).</extracomment>
        <translation>服务台 — 口令</translation>
    </message>
    <message>
        <source>Database passphrase</source>
        <translation>数据库口令</translation>
    </message>
    <message>
        <source>This computer has no password keychain, so the console&apos;s data is locked with a passphrase you choose. You will type it each time the console starts.</source>
        <translation>这台电脑没有密码钥匙串，因此服务台的数据要用您设定的口令加锁。每次启动服务台时都需要输入它。</translation>
    </message>
    <message>
        <source>&amp;Lock with this passphrase</source>
        <translation>用此口令加锁(&amp;L)</translation>
    </message>
    <message>
        <source>This computer has no password keychain, so the console&apos;s data is locked with a passphrase. Type it to open the console.</source>
        <translation>这台电脑没有密码钥匙串，因此服务台的数据用口令加了锁。请输入口令以打开服务台。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>The console&apos;s data is locked with a passphrase that this computer&apos;s keychain does not know. Type it to open the console.</source>
        <translation>服务台的数据用口令加了锁，而这台电脑的钥匙串里没有它。请输入口令以打开服务台。</translation>
    </message>
    <message>
        <source>Use at least {count} characters. Nobody can open or recover the data without it, so keep it somewhere safe.</source>
        <translation>请至少使用 {count} 个字符。没有口令，任何人都无法打开或找回这些数据，请妥善保管。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase &amp;again:</source>
        <translation>再次输入口令(&amp;A)：</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>显示输入内容(&amp;S)</translation>
    </message>
    <message>
        <source>Show the passphrase as it is typed</source>
        <translation>输入时显示口令</translation>
    </message>
    <message>
        <source>Problem with the passphrase</source>
        <translation>口令有问题</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技术细节</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>隐藏细节(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>细节(&amp;D)</translation>
    </message>
    <message>
        <source>Technical details for an admin</source>
        <translation>供管理员参考的技术细节</translation>
    </message>
    <message>
        <source>Cancel: do not open the console</source>
        <translation>取消：不打开服务台</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {count} characters.</source>
        <translation>口令太短：请至少使用 {count} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation>两次输入的口令不一致，请输入相同的口令两次。</translation>
    </message>
</context>
<context>
    <name>PhoneLabels</name>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>work</source>
        <translation>工作</translation>
    </message>
</context>
<context>
    <name>PhoneRow</name>
    <message>
        <source>138 0013 8000 or +44 20 7946 0958</source>
        <translation>138 0013 8000 或 +44 20 7946 0958</translation>
    </message>
    <message>
        <source>Phone {n} label</source>
        <translation>电话 {n} 的类型</translation>
    </message>
    <message>
        <source>Phone {n} number</source>
        <translation>电话 {n} 的号码</translation>
    </message>
    <message>
        <source>Remove phone {n}</source>
        <translation>删除电话 {n}</translation>
    </message>
</context>
<context>
    <name>PhraseChecker</name>
    <message>
        <source>The phrasebook could not be loaded ({error}); the previous one is used.</source>
        <translation>无法加载话术库（{error}），继续使用之前的话术库。</translation>
    </message>
</context>
<context>
    <name>PhraseEntryModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{reason}

Converted automatically from “{text}” for Traditional-script staff.</source>
        <translation>{reason}

由简体条目“{text}”自动转换，供繁体字员工阅读。</translation>
    </message>
    <message>
        <source>Converted automatically from the Simplified entry “{text}” for Traditional-script customers. Edit it (Enter) to approve or correct it: saving makes it a Traditional entry of its own.</source>
        <translation>由简体条目“{text}”自动转换，供使用繁体字的客户。按 Enter 编辑即可认可或修改：保存后即成为一条独立的繁体条目。</translation>
    </message>
    <message>
        <source>entry #{id}</source>
        <translation>条目 #{id}</translation>
    </message>
    <message>
        <source>entry #{id} (Simplified/Traditional as written)</source>
        <translation>条目 #{id}（简繁体按原样匹配）</translation>
    </message>
</context>
<context>
    <name>PhrasePicker</name>
    <message>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>客户称呼</translation>
    </message>
    <message>
        <source>Customer&apos;s full name</source>
        <translation>客户全名</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Summary of the request</source>
        <translation>需求摘要</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>客户的需求</translation>
    </message>
    <message>
        <source>What you can offer instead</source>
        <translation>可提供的替代方案</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近一次购买</translation>
    </message>
    <message>
        <source>Insert approved phrase</source>
        <translation>插入规范用语</translation>
    </message>
    <message>
        <source>Search approved phrases</source>
        <translation>搜索规范用语</translation>
    </message>
    <message>
        <source>Type to filter, e.g. sorry, wait, 抱歉</source>
        <translation>输入以筛选，如 抱歉、稍等、sorry</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>All situations</source>
        <translation>所有场景</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Approved phrases</source>
        <translation>规范用语</translation>
    </message>
    <message>
        <source>Fill in before inserting:</source>
        <translation>插入前请填写：</translation>
    </message>
    <message>
        <source>Text to insert</source>
        <translation>要插入的文字</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>Insert the phrase</source>
        <translation>插入该用语</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without inserting</source>
        <translation>关闭，不插入</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Si&amp;tuation:</source>
        <translation>场景(&amp;T)：</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>converted automatically</source>
        <translation>自动转换</translation>
    </message>
    <message>
        <source>No approved phrase matches “{search}”.</source>
        <translation>没有与“{search}”匹配的规范用语。</translation>
    </message>
    <message>
        <source>No approved phrases for this situation and language; choose “All situations” or “All languages” to see more.</source>
        <translation>此场景和语言下没有规范用语；选择“所有场景”或“所有语言”可查看更多。</translation>
    </message>
    <message>
        <source>Enter inserts this phrase.</source>
        <translation>按 Enter 插入此用语。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>To insert, fill in: {fields}.</source>
        <translation>插入前请填写：{fields}。</translation>
    </message>
</context>
<context>
    <name>Phrasebook</name>
    <message>
        <source>Only trainers and managers can change the phrasebook</source>
        <translation>只有培训师和经理可以修改话术库</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Taboo</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>任何语言</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Block — cannot be sent until changed</source>
        <translation>拦截 — 修改后才能发送</translation>
    </message>
    <message>
        <source>Warn — needs a confirmation before sending</source>
        <translation>警告 — 发送前需要确认</translation>
    </message>
    <message>
        <source>Hint — only shown, never interrupts</source>
        <translation>提示 — 仅显示，不打断</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>taboo {text} ({detail}, {language})</source>
        <translation>禁用语 {text}（{detail}，{language}）</translation>
    </message>
    <message>
        <source>approved {text} ({detail}, {language})</source>
        <translation>推荐话术 {text}（{detail}，{language}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>taboo</source>
        <translation>禁用语</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>推荐话术</translation>
    </message>
    <message>
        <source>insensitive</source>
        <translation>不区分</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>按原样</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>situation</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>replacements</source>
        <translation>替换说法</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <source>Simplified/Traditional</source>
        <translation>简繁体</translation>
    </message>
    <message>
        <source>new: {entry}</source>
        <translation>新建：{entry}</translation>
    </message>
    <message>
        <source>removed: {entry}</source>
        <translation>删除：{entry}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>no change to {entry}</source>
        <translation>{entry} 无变化</translation>
    </message>
    <message>
        <source>line {line}, col {column}</source>
        <translation>第 {line} 行，第 {column} 列</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Replacements</source>
        <translation>替换说法</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>{language} (converted automatically)</source>
        <translation>{language}（自动转换）</translation>
    </message>
</context>
<context>
    <name>PhrasebookEditor</name>
    <message>
        <source>Select an entry to see its history.</source>
        <translation>选择一个条目以查看其历史记录。</translation>
    </message>
    <message>
        <source>Phrasebook editor</source>
        <translation>话术库编辑器</translation>
    </message>
    <message>
        <source>Phrasebook</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>编辑条目</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>&amp;Phrasebook:</source>
        <translation>话术库(&amp;P)：</translation>
    </message>
    <message>
        <source>Make ac&amp;tive</source>
        <translation>设为启用(&amp;T)</translation>
    </message>
    <message>
        <source>Make this the active phrasebook</source>
        <translation>将此话术库设为启用</translation>
    </message>
    <message>
        <source>Check what staff write against this phrasebook</source>
        <translation>用此话术库检查员工所写的内容</translation>
    </message>
    <message>
        <source>&amp;New phrasebook…</source>
        <translation>新建话术库(&amp;N)…</translation>
    </message>
    <message>
        <source>New phrasebook</source>
        <translation>新建话术库</translation>
    </message>
    <message>
        <source>One phrasebook per brand</source>
        <translation>每个品牌一个话术库</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import phrasebook file</source>
        <translation>导入话术库文件</translation>
    </message>
    <message>
        <source>Replace this phrasebook&apos;s entries with a CSV or JSON file</source>
        <translation>用 CSV 或 JSON 文件替换此话术库的条目</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export phrasebook file</source>
        <translation>导出话术库文件</translation>
    </message>
    <message>
        <source>Save as CSV or JSON</source>
        <translation>另存为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>{note}.</source>
        <translation>{note}。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss the problems</source>
        <translation>关闭问题列表</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>按类型筛选</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Filter by language</source>
        <translation>按语言筛选</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>Filter by situation</source>
        <translation>按场景筛选</translation>
    </message>
    <message>
        <source>All situations</source>
        <translation>所有场景</translation>
    </message>
    <message>
        <source>Filter by severity</source>
        <translation>按严重程度筛选</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>所有严重程度</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>按文字筛选</translation>
    </message>
    <message>
        <source>Filter text, replacements, reasons, #id…  (Ctrl+F)</source>
        <translation>筛选文字、替换说法、原因、#编号…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Clear the text filter</source>
        <translation>清除文字筛选</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>清除所有筛选</translation>
    </message>
    <message>
        <source>Phrasebook entries</source>
        <translation>话术库条目</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Test bench</source>
        <translation>测试台</translation>
    </message>
    <message>
        <source>Test bench text</source>
        <translation>测试台文字</translation>
    </message>
    <message>
        <source>Paste or type what staff might write, in any language, to see what this phrasebook flags and why.</source>
        <translation>粘贴或输入员工可能写的内容（任何语言），查看此话术库会标出什么以及原因。</translation>
    </message>
    <message>
        <source>What would be flagged</source>
        <translation>会被标出的内容</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>输入内容</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Say instead</source>
        <translation>建议说法</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>Show history of</source>
        <translation>显示以下内容的历史记录</translation>
    </message>
    <message>
        <source>Selected entry</source>
        <translation>所选条目</translation>
    </message>
    <message>
        <source>Whole phrasebook (latest 100)</source>
        <translation>整个话术库（最近 100 条）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>恢复此版本(&amp;R)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>&amp;Bench text, checked against {book} exactly as staff are checked:</source>
        <translation>测试文字(&amp;B)，按员工实际检查方式用 {book} 检查：</translation>
    </message>
    <message>
        <source>{book} (active)</source>
        <translation>{book}（启用中）</translation>
    </message>
    <message>
        <source>Staff are checked against this phrasebook.</source>
        <translation>员工所写内容正按此话术库检查。</translation>
    </message>
    <message>
        <source>Not in use: “Make active” to check staff against it.</source>
        <translation>未启用：点击“设为启用”即可用它检查员工所写内容。</translation>
    </message>
    <message>
        <source>{book} has 1 problem; fix them one at a time (Enter on a problem selects its entry).</source>
        <translation>{book} 有 1 个问题；请逐个修正（在问题上按 Enter 可选中对应条目）。</translation>
    </message>
    <message numerus="yes">
        <source>{book} has %n problems; fix them one at a time (Enter on a problem selects its entry).</source>
        <translation>
            <numerusform>{book} 有 %n 个问题；请逐个修正（在问题上按 Enter 可选中对应条目）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of 1 entry</source>
        <translation>{shown} / 1 个条目</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries</source>
        <translation>
            <numerusform>{shown} / %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 个条目</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Bring the entry back to what it was right after the selected change</source>
        <translation>将条目恢复为所选修改刚完成时的样子</translation>
    </message>
    <message>
        <source>Added {entry}.</source>
        <translation>已添加 {entry}。</translation>
    </message>
    <message>
        <source>Saved {entry}.</source>
        <translation>已保存 {entry}。</translation>
    </message>
    <message>
        <source>Delete {entry}?</source>
        <translation>删除 {entry}？</translation>
    </message>
    <message>
        <source>Staff will no longer see it. It stays in the history and can be restored.</source>
        <translation>员工将不再看到它。它会保留在历史记录中，可以恢复。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the entry</source>
        <translation>删除该条目</translation>
    </message>
    <message>
        <source>Keep the entry</source>
        <translation>保留该条目</translation>
    </message>
    <message>
        <source>Not deleted: {reason}</source>
        <translation>未删除：{reason}</translation>
    </message>
    <message>
        <source>Deleted {entry}; restore it from the history.</source>
        <translation>已删除 {entry}；可从历史记录中恢复。</translation>
    </message>
    <message>
        <source>Name of the new phrasebook (one per brand):</source>
        <translation>新话术库的名称（每个品牌一个）：</translation>
    </message>
    <message>
        <source>Name of the new phrasebook</source>
        <translation>新话术库的名称</translation>
    </message>
    <message>
        <source>Not created: {reason}</source>
        <translation>未创建：{reason}</translation>
    </message>
    <message>
        <source>Created {book}. Add entries or import a file, then make it active.</source>
        <translation>已创建 {book}。请添加条目或导入文件，然后将其设为启用。</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未更改：{reason}</translation>
    </message>
    <message>
        <source>{book} is now the active phrasebook.</source>
        <translation>{book} 现已设为启用的话术库。</translation>
    </message>
    <message>
        <source>Phrasebooks (*.csv *.json)</source>
        <translation>话术库 (*.csv *.json)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Import phrasebook</source>
        <translation>导入话术库</translation>
    </message>
    <message>
        <source>Replace the entries of {book} with {file}?</source>
        <translation>用 {file} 替换 {book} 的条目？</translation>
    </message>
    <message>
        <source>The phrasebook will hold exactly the entries in the file; entries missing from it are removed (their history is kept, so they can be restored). If any row is bad, nothing is imported and every bad row is listed.</source>
        <translation>话术库将只包含文件中的条目；文件中没有的条目会被删除（其历史记录会保留，可以恢复）。只要有一行有误，就不会导入任何内容，并会列出所有有误的行。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import the file</source>
        <translation>导入该文件</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Nothing was imported: {file} has 1 bad row.</source>
        <translation>未导入任何内容：{file} 有 1 行有误。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: {file} has %n bad rows.</source>
        <translation>
            <numerusform>未导入任何内容：{file} 有 %n 行有误。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing imported from {file}.</source>
        <translation>未从 {file} 导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported: {file} has 1 problem.</source>
        <translation>未导入任何内容：{file} 有 1 个问题。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: {file} has %n problems.</source>
        <translation>
            <numerusform>未导入任何内容：{file} 有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing imported: {reason}</source>
        <translation>未导入：{reason}</translation>
    </message>
    <message>
        <source>Imported {file}: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged.</source>
        <translation>已导入 {file}：新增 {added} 条，修改 {changed} 条，删除 {removed} 条，未变 {unchanged} 条。</translation>
    </message>
    <message>
        <source>Export phrasebook</source>
        <translation>导出话术库</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <source>Exported 1 entry to {path}.</source>
        <translation>已将 1 个条目导出到 {path}。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {path}.</source>
        <translation>
            <numerusform>已将 %n 个条目导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>第 {start}–{end} 个字符</translation>
    </message>
    <message>
        <source>Nothing flagged.</source>
        <translation>没有标出任何内容。</translation>
    </message>
    <message>
        <source>Nothing flagged yet.</source>
        <translation>尚未标出任何内容。</translation>
    </message>
    <message>
        <source>{flagged} flagged: {counts}. Enter on a row opens its entry.</source>
        <translation>标出 {flagged} 处：{counts}。在某一行按 Enter 可打开对应条目。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Say instead: {phrases}</source>
        <translation>建议改说：{phrases}</translation>
    </message>
    <message>
        <source>The chosen finding</source>
        <translation>选中的检查结果</translation>
    </message>
    <message>
        <source>{count} must change</source>
        <translation>{count} 处必须修改</translation>
    </message>
    <message>
        <source>{count} to check</source>
        <translation>{count} 处需检查</translation>
    </message>
    <message>
        <source>{count} suggested</source>
        <translation>{count} 处建议修改</translation>
    </message>
    <message>
        <source>Latest changes to {book}, newest first.</source>
        <translation>{book} 的最近修改，最新的在前。</translation>
    </message>
    <message>
        <source>History of entry #{id} {text}, newest first.</source>
        <translation>条目 #{id} {text} 的历史记录，最新的在前。</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（不存在）</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{action} by {who}, {when} (entry #{id})
Before: {before}
After: {after}</source>
        <translation>{action}（{who}，{when}，条目 #{id}）
修改前：{before}
修改后：{after}</translation>
    </message>
    <message>
        <source>Select a change in the history.</source>
        <translation>请在历史记录中选择一次修改。</translation>
    </message>
    <message>
        <source>This change removed the entry; restore the version before it.</source>
        <translation>此次修改删除了该条目；请恢复它之前的版本。</translation>
    </message>
    <message>
        <source>This is the entry as it is now.</source>
        <translation>这就是该条目当前的样子。</translation>
    </message>
    <message>
        <source>Not restored: that version clashes with the phrasebook as it is now.</source>
        <translation>未恢复：该版本与话术库当前内容冲突。</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>未恢复：{reason}</translation>
    </message>
    <message>
        <source>Restored {entry}.</source>
        <translation>已恢复 {entry}。</translation>
    </message>
    <message>
        <source>Something went wrong: {reason}</source>
        <translation>出错了：{reason}</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>In store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation>添加消费</translation>
    </message>
    <message>
        <source>Add purchase — {name}</source>
        <translation>添加消费 — {name}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加商品(&amp;A)</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation>保存消费</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>check item {numbers}</source>
        <translation>请检查第 {numbers} 项</translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation>至少添加一项商品</translation>
    </message>
    <message>
        <source>the total cannot be more than {limit}</source>
        <translation>总额不能超过 {limit}</translation>
    </message>
    <message>
        <source>Total  {amount}</source>
        <translation>合计  {amount}</translation>
    </message>
    <message>
        <source>To save: {problems}.</source>
        <translation>保存前请：{problems}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事情经过</translation>
    </message>
</context>
<context>
    <name>RecoverDrafts</name>
    <message>
        <source>Recover unsaved complaints</source>
        <extracomment>How often the owner&apos;s promises are checked for &quot;due soon&quot; / &quot;overdue&quot;.</extracomment>
        <translation>恢复未保存的投诉</translation>
    </message>
    <message>
        <source>1 complaint was being typed when the console last closed.</source>
        <translation>上次关闭服务台时，有 1 条投诉正在填写。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaints were being typed when the console last closed.</source>
        <translation>
            <numerusform>上次关闭服务台时，有 %n 条投诉正在填写。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen them to finish and save; nothing typed was lost.</source>
        <translation>重新打开即可填完并保存；已输入的内容没有丢失。</translation>
    </message>
    <message>
        <source>Unsaved complaints</source>
        <translation>未保存的投诉</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen the selected complaint</source>
        <translation>重新打开所选投诉</translation>
    </message>
    <message>
        <source>Reopen &amp;all</source>
        <translation>全部重新打开(&amp;A)</translation>
    </message>
    <message>
        <source>Reopen all complaints</source>
        <translation>重新打开全部投诉</translation>
    </message>
    <message>
        <source>&amp;Discard selected</source>
        <translation>放弃所选(&amp;D)</translation>
    </message>
    <message>
        <source>Discard the selected complaint</source>
        <translation>放弃所选投诉</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Keep them for later</source>
        <translation>留待以后处理</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>{reason} ({count} more to correct)</source>
        <translation>{reason}（另有 {count} 处需更正）</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>last visit {date}</source>
        <translation>上次到店 {date}</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚无到店记录</translation>
    </message>
</context>
<context>
    <name>ServerBadge</name>
    <message>
        <source>Team · server connected</source>
        <translation>团队 · 已连接服务器</translation>
    </message>
    <message>
        <source>Team · server lost</source>
        <translation>团队 · 服务器已断开</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>The console server does not answer</source>
        <extracomment>While the server is away: ask again this often (ms). While it is there and the console is quiet: make sure now and then (ms).</extracomment>
        <translation>控制台服务器没有响应</translation>
    </message>
    <message>
        <source>The console server ({url}) does not answer. What is on screen stays, but nothing can be saved until it is back. Trying again by itself…</source>
        <translation>控制台服务器（{url}）没有响应。屏幕上的内容会保留，但在恢复连接之前无法保存任何内容。正在自动重试…</translation>
    </message>
    <message>
        <source>Console server status</source>
        <translation>控制台服务器状态</translation>
    </message>
    <message>
        <source>Try &amp;again now</source>
        <translation>立即重试(&amp;A)</translation>
    </message>
    <message>
        <source>Try to reach the console server again now</source>
        <translation>立即再次尝试连接控制台服务器</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Restore default</source>
        <extracomment>The customer-facing language a preview greeting is in, for each interface language.</extracomment>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Restore the default of {label}</source>
        <translation>将{label}恢复为默认值</translation>
    </message>
    <message>
        <source>Problem with {label}</source>
        <translation>{label}有问题</translation>
    </message>
    <message>
        <source>The computer&apos;s language</source>
        <translation>跟随电脑的语言</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Complaints &amp; loyalty</source>
        <translation>投诉与积分</translation>
    </message>
    <message>
        <source>Security &amp; backups</source>
        <translation>安全与备份</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low} to {high}.</source>
        <translation>{name}必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>{name} must be one of: {choices}.</source>
        <translation>{name}只能是以下之一：{choices}。</translation>
    </message>
    <message>
        <source>{name} must be yes or no.</source>
        <translation>{name}只能是“是”或“否”。</translation>
    </message>
    <message>
        <source>{name} cannot be empty: give up to {high} characters.</source>
        <translation>{name}不能为空，最多 {high} 个字符。</translation>
    </message>
    <message>
        <source>{name} must be text of up to {high} characters.</source>
        <translation>{name}必须是不超过 {high} 个字符的文字。</translation>
    </message>
    <message>
        <source>{name} can be at most {high} characters long.</source>
        <translation>{name}最多 {high} 个字符。</translation>
    </message>
    <message>
        <source>{name} cannot hold control characters or line breaks.</source>
        <translation>{name}不能包含控制字符或换行。</translation>
    </message>
    <message>
        <source>{name} must be a two-letter region code such as CN, HK, TW, GB or US.</source>
        <translation>{name}必须是两个字母的地区代码，如 CN、HK、TW、GB 或 US。</translation>
    </message>
    <message>
        <source>{name} must be a time zone such as Asia/Shanghai or Europe/London, or empty for the computer&apos;s own.</source>
        <translation>{name}必须是时区名称，如 Asia/Shanghai 或 Europe/London；留空则使用电脑的时区。</translation>
    </message>
    <message>
        <source>{name} must be an IP address to listen on, such as 127.0.0.1 or ::1.</source>
        <translation>{name}必须是要监听的 IP 地址，如 127.0.0.1 或 ::1。</translation>
    </message>
    <message>
        <source>The store&apos;s name, as visits and complaints record it.</source>
        <translation>门店名称，到店记录和投诉中都会记下。</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>The store&apos;s time zone (e.g. Asia/Shanghai) for greetings, promises, follow-ups and report periods; empty: the computer&apos;s own.</source>
        <translation>门店所在时区（如 Asia/Shanghai），用于问候语、承诺时间、回访和报表周期；留空则使用电脑的时区。</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Region for phone numbers typed without a +country code (e.g. CN, HK, TW).</source>
        <translation>输入电话号码时未带 +国家代码 时使用的地区（如 CN、HK、TW）。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Every Nth qualifying item is free.</source>
        <translation>每买满第 N 件符合条件的商品可免费获得一件。</translation>
    </message>
    <message>
        <source>Reward every</source>
        <translation>每满几件奖励</translation>
    </message>
    <message>
        <source>The purchase category that earns a stamp (empty: every item).</source>
        <translation>可以积一个印花的商品类别（留空：所有商品）。</translation>
    </message>
    <message>
        <source>Stamp for each</source>
        <translation>积印花的类别</translation>
    </message>
    <message>
        <source>What the reward is, in the words staff say.</source>
        <translation>奖励内容，用店员对顾客说的话来写。</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Resolving a complaint schedules its follow-up call this many days later.</source>
        <translation>投诉解决后，隔多少天安排回访电话。</translation>
    </message>
    <message>
        <source>Follow-up after (days)</source>
        <translation>回访间隔（天）</translation>
    </message>
    <message>
        <source>&apos;We miss you&apos; after this many months without a visit.</source>
        <translation>顾客多少个月没来时提示“好久不见”。</translation>
    </message>
    <message>
        <source>&apos;We miss you&apos; after (months)</source>
        <translation>“好久不见”间隔（月）</translation>
    </message>
    <message>
        <source>Visits that make a customer a good customer.</source>
        <translation>到店多少次算老顾客。</translation>
    </message>
    <message>
        <source>Good customer after (visits)</source>
        <translation>老顾客门槛（次）</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries are shown this many days ahead.</source>
        <translation>提前多少天显示生日和纪念日。</translation>
    </message>
    <message>
        <source>Occasions ahead (days)</source>
        <translation>提前提醒纪念日（天）</translation>
    </message>
    <message>
        <source>The phrasebook (one per brand) that staff are checked against.</source>
        <translation>检查店员用语时使用的话术手册（每个品牌一本）。</translation>
    </message>
    <message>
        <source>Active phrasebook</source>
        <translation>当前话术手册</translation>
    </message>
    <message>
        <source>Lock the console after this many idle minutes (0: never).</source>
        <translation>闲置多少分钟后锁定控制台（0：从不）。</translation>
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation>闲置锁定（分钟）</translation>
    </message>
    <message>
        <source>Take a scheduled backup this often (0 turns them off).</source>
        <translation>定时备份的间隔（0 表示关闭）。</translation>
    </message>
    <message>
        <source>Back up every (hours)</source>
        <translation>备份间隔（小时）</translation>
    </message>
    <message>
        <source>How many scheduled backups to keep.</source>
        <translation>保留多少份定时备份。</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留备份数</translation>
    </message>
    <message>
        <source>Where this computer puts backups (empty: &apos;backups&apos; beside the database).</source>
        <translation>这台电脑存放备份的文件夹（留空：数据库旁边的 backups 文件夹）。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>The screen language on this computer before anyone signs in (empty: the system&apos;s); after sign-in each person&apos;s own language applies.</source>
        <translation>这台电脑在无人登录时的界面语言（留空：跟随系统）；登录后使用每个人自己的语言。</translation>
    </message>
    <message>
        <source>Language before sign-in</source>
        <translation>登录前的语言</translation>
    </message>
    <message>
        <source>Listen for call events from the phone system.</source>
        <translation>接收电话系统的来电事件。</translation>
    </message>
    <message>
        <source>Phone listener on</source>
        <translation>开启来电监听</translation>
    </message>
    <message>
        <source>Port of the call-event listener (--cti-port overrides).</source>
        <translation>来电事件监听的端口（--cti-port 优先）。</translation>
    </message>
    <message>
        <source>Listener port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>Address the call-event listener binds to; anything but 127.0.0.1 or ::1 accepts calls from the network.</source>
        <translation>来电事件监听绑定的地址；除 127.0.0.1 或 ::1 外，都会接受来自网络的事件。</translation>
    </message>
    <message>
        <source>Listener address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>This console&apos;s agent as the phone system names it.</source>
        <translation>电话系统中这台控制台对应的坐席名。</translation>
    </message>
    <message>
        <source>Phone agent</source>
        <translation>电话坐席</translation>
    </message>
    <message>
        <source>This console&apos;s phone extension; empty: pop every call.</source>
        <translation>这台控制台的分机号；留空：所有来电都弹出。</translation>
    </message>
    <message>
        <source>Phone extension</source>
        <translation>分机号</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings</source>
        <extracomment>A value was changed (the option&apos;s key), after it was saved and audited.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Only an admin can change settings; you can see the values here.</source>
        <translation>只有管理员可以修改设置；你可以在这里查看当前值。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Only an admin can change settings.</source>
        <translation>只有管理员可以修改设置。</translation>
    </message>
    <message>
        <source>Saved: {label}.</source>
        <translation>已保存：{label}。</translation>
    </message>
    <message>
        <source>{label} is back to its default.</source>
        <translation>{label}已恢复为默认值。</translation>
    </message>
    <message>
        <source>It is {time} there now: “{greeting}”</source>
        <translation>当地现在是 {time}：“{greeting}”</translation>
    </message>
    <message>
        <source>The rule in words: {rule} (reward: {reward}).</source>
        <translation>规则：{rule}（奖励：{reward}）。</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>DEMO — Service Console (made-up customers) — sign in</source>
        <translation>演示 — 服务台（虚构客户）— 登录</translation>
    </message>
    <message>
        <source>Service Console — sign in</source>
        <translation>服务控制台 — 登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN 码或密码</translation>
    </message>
    <message>
        <source>PIN or password again</source>
        <translation>再次输入 PIN 码或密码</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>确认 PIN 码(&amp;A)</translation>
    </message>
    <message>
        <source>Welcome. Create the first account — it will be the admin.</source>
        <translation>欢迎使用。请创建第一个账号，它将成为管理员账号。</translation>
    </message>
    <message>
        <source>Create account and sign in</source>
        <translation>创建账号并登录</translation>
    </message>
    <message>
        <source>Create the admin account and sign in</source>
        <translation>创建管理员账号并登录</translation>
    </message>
    <message>
        <source>A PIN has 4–8 digits (not 1234 or 1111); a password has 8 or more characters. The admin adds the other staff afterwards.</source>
        <translation>PIN 码为 4–8 位数字（不能是 1234 或 1111）；密码至少 8 个字符。之后由管理员添加其他员工。</translation>
    </message>
    <message>
        <source>Sign in to Service Console</source>
        <translation>登录服务控制台</translation>
    </message>
    <message>
        <source>Locked for a moment? Anyone can sign in here with their own PIN.</source>
        <translation>暂时锁定了？任何员工都可以在这里用自己的 PIN 码登录。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <source>Type your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入您的 PIN 码。</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>两次输入的 PIN 码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>An admin account exists now; sign in with it.</source>
        <translation>管理员账号已存在，请用该账号登录。</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>当前登录</translation>
    </message>
</context>
<context>
    <name>Situation</name>
    <message>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>欢迎再次光临</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Confirming understanding</source>
        <translation>确认理解</translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation>表示理解</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>致歉</translation>
    </message>
    <message>
        <source>Asking to wait</source>
        <translation>请客户稍候</translation>
    </message>
    <message>
        <source>Thanks for patience</source>
        <translation>感谢耐心等待</translation>
    </message>
    <message>
        <source>Refusing politely</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Farewell</source>
        <translation>道别</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <source>Any situation</source>
        <translation>任何场景</translation>
    </message>
</context>
<context>
    <name>StaffEditor</name>
    <message>
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>修改 {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Phone extension</source>
        <translation>电话分机</translation>
    </message>
    <message>
        <source>Call queues</source>
        <translation>来电队列</translation>
    </message>
    <message>
        <source>The call queues they answer, separated by commas</source>
        <translation>其接听的来电队列，以逗号分隔</translation>
    </message>
    <message>
        <source>e.g. sales, support</source>
        <translation>例如：销售, 售后</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN 码或密码</translation>
    </message>
    <message>
        <source>leave empty to keep the PIN</source>
        <translation>留空则保留原 PIN 码</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>账号已启用</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>保存或取消</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>门店(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xtension</source>
        <translation>分机(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>Lock / switch staff</source>
        <translation>锁定 / 切换员工</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>员工账号(&amp;A)…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>审计日志(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Consoles…</source>
        <translation>控制台(&amp;C)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>分机</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>StoreQuestions</name>
    <message>
        <source>Your store</source>
        <extracomment>Emitted when the admin saved or skipped.</extracomment>
        <translation>你的门店</translation>
    </message>
    <message>
        <source>Tell the console about your store. You can change this later in Settings.</source>
        <translation>请填写门店信息。以后可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the store&apos;s details</source>
        <translation>保存门店信息</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>跳过(&amp;K)</translation>
    </message>
    <message>
        <source>Skip: keep the defaults</source>
        <translation>跳过：保留默认值</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>e.g. Xintiandi</source>
        <translation>例如：新天地店</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n周前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n个月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n年前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>No customers yet. Add the first one with Ctrl+N, or import your customer list (service-console import customers). To look around first, open a demo console with made-up customers: it keeps them in a database of its own.</source>
        <translation>还没有客户。按 Ctrl+N 添加第一位客户，或导入客户名单（service-console import customers）。想先看看效果，可以打开含虚构客户的演示版服务台：这些客户保存在单独的数据库里。</translation>
    </message>
    <message>
        <source>Try with &amp;demo data</source>
        <translation>用演示数据试用(&amp;D)</translation>
    </message>
    <message>
        <source>Try with demo data: opens a demo console in a new window</source>
        <translation>用演示数据试用：在新窗口中打开演示版服务台</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries</source>
        <translation>生日与纪念日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries coming up</source>
        <translation>即将到来的生日与纪念日</translation>
    </message>
    <message>
        <source>We miss you — good customers not seen for a while</source>
        <translation>好久不见 — 一段时间未到店的老顾客</translation>
    </message>
    <message>
        <source>Good customers not seen for a while</source>
        <translation>一段时间未到店的老顾客</translation>
    </message>
    <message>
        <source>Today, {weekday} {date}</source>
        <translation>今日：{date} {weekday}</translation>
    </message>
    <message>
        <source>{occasion} {when} — {name}</source>
        <translation>{when}{occasion} — {name}</translation>
    </message>
    <message>
        <source>No birthdays or anniversaries this week.</source>
        <translation>本周没有生日或纪念日。</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n visit(s), last seen {ago}</source>
        <translation>
            <numerusform>{name} — 到店%n次，上次光临：{ago}</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone we know well has been in recently.</source>
        <translation>熟客最近都来过。</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
</TS>
